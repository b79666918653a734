using System.Net;
using System.Net.Http.Json;
using Kontor.Features.Sales.Targets;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales;

/// <summary>Targets per user and team with the closed-won actual and attainment; who may set and read them.</summary>
public sealed class TargetTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static readonly TimeSpan Berlin = TimeSpan.FromHours(1);

    [Fact]
    public async Task Targets_OfUserAndTeam_ShowActualAndAttainment()
    {
        var lead = await app.CreateTenantWithUserAsync("Targets", Roles.TeamLead);
        var rep = await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep]);
        var colleague = await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep]);
        var team = await app.CreateTeamAsync(lead.TenantId, TeamKind.FieldSales, lead.Id, rep.Id, colleague.Id);
        await app.PutAgreementInForceAsync(lead.TenantId, lead.Id);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var t = lead.TenantId;
        await app.AddOpportunityAsync(t, rep.Id, account, 50, 50_000, closedAt: new DateTimeOffset(2026, 10, 2, 10, 0, 0, Berlin));
        await app.AddOpportunityAsync(t, rep.Id, account, 50, 25_000, closedAt: new DateTimeOffset(2026, 12, 31, 23, 0, 0, Berlin));
        await app.AddOpportunityAsync(t, rep.Id, account, 50, 9_999, "USD", closedAt: new DateTimeOffset(2026, 11, 2, 10, 0, 0, Berlin));
        await app.AddOpportunityAsync(t, rep.Id, account, 50, 40_000, closedAt: new DateTimeOffset(2027, 1, 1, 0, 30, 0, Berlin));
        await app.AddOpportunityAsync(t, colleague.Id, account, 50, 25_000, closedAt: new DateTimeOffset(2026, 11, 20, 10, 0, 0, Berlin));
        await app.AddOpportunityAsync(t, colleague.Id, account, 40, 500_000, closeDate: new DateOnly(2026, 11, 20));

        var repTarget = await lead.Client.PostJsonAsync("/api/targets", new { userId = rep.Id, period = "2026-Q4", amount = 100_000, currency = "EUR" })
            .ExpectAsync(HttpStatusCode.Created);
        var teamTarget = await lead.Client.PostJsonAsync("/api/targets", new { teamId = team, period = "2026-Q4", amount = 300_000, currency = "EUR" })
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(75_000, repTarget.GetProperty("actual").GetInt64());
        Assert.Equal(75.0m, repTarget.GetProperty("attainmentPercent").GetDecimal());

        // 50000 + 25000 + 25000 of 300000
        Assert.Equal(100_000, teamTarget.GetProperty("actual").GetInt64());
        Assert.Equal(33.3m, teamTarget.GetProperty("attainmentPercent").GetDecimal());

        var mine = await rep.Client.GetJsonAsync("/api/targets?period=2026-Q4&user=me");
        Assert.Equal([repTarget.Id()], mine.GetProperty("items").EnumerateArray().Select(x => x.Id()));
        var teams = await lead.Client.GetJsonAsync($"/api/targets?period=2026-Q4&team={team}");
        Assert.Equal(new[] { repTarget.Id(), teamTarget.Id() }.Order(), teams.GetProperty("items").EnumerateArray().Select(x => x.Id()).Order());

        var changed = await lead.Client.PutAsJsonAsync($"/api/targets/{repTarget.Id()}", new { amount = 150_000, currency = "EUR" }, Api.Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(50.0m, changed.GetProperty("attainmentPercent").GetDecimal());

        await lead.Client.RemoveAsync($"/api/targets/{repTarget.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        await lead.Client.FetchAsync($"/api/targets/{repTarget.Id()}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SetTarget_ByRepOrOtherTeamsLead_IsRefused_AndDuplicatesConflict()
    {
        var admin = await app.CreateTenantWithUserAsync("Setters");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var peer = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var otherLead = await app.CreateUserAsync(admin.TenantId, [Roles.TeamLead]);
        await app.CreateTeamAsync(admin.TenantId, TeamKind.FieldSales, rep.Id, peer.Id);
        await app.CreateTeamAsync(admin.TenantId, TeamKind.FieldSales, otherLead.Id);
        var body = new { userId = rep.Id, period = "2026-11", amount = 10_000, currency = "EUR" };

        await rep.Client.PostJsonAsync("/api/targets", body).ProblemAsync(HttpStatusCode.Forbidden);
        await otherLead.Client.PostJsonAsync("/api/targets", body).ProblemAsync(HttpStatusCode.Forbidden);
        var created = await admin.Client.PostJsonAsync("/api/targets", body).ExpectAsync(HttpStatusCode.Created);
        await admin.Client.PostJsonAsync("/api/targets", body).ProblemAsync(HttpStatusCode.Conflict);

        // The peer may neither read nor change the rep's target; the rep reads it but may not change it.
        await peer.Client.FetchAsync($"/api/targets/{created.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await peer.Client.FetchAsync($"/api/targets?user={rep.Id}&period=2026-11").ProblemAsync(HttpStatusCode.Forbidden);
        await peer.Client.RemoveAsync($"/api/targets/{created.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await rep.Client.FetchAsync($"/api/targets/{created.Id()}").ExpectAsync(HttpStatusCode.OK);
        await rep.Client.RemoveAsync($"/api/targets/{created.Id()}").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, await app.CountTargetsAsync(admin.TenantId));
    }

    [Fact]
    public async Task SetTarget_WithBadBody_Returns400()
    {
        var admin = await app.CreateTenantWithUserAsync("Invalid");

        await admin.Client.PostJsonAsync("/api/targets", new { period = "2026-Q4", amount = 1, currency = "EUR" })
            .ProblemAsync(HttpStatusCode.BadRequest, "userId");
        await admin.Client.PostJsonAsync("/api/targets", new { userId = admin.Id, period = "Q4", amount = -1, currency = "eur" })
            .ProblemAsync(HttpStatusCode.BadRequest, "period", "amount", "currency");
        await admin.Client.PostJsonAsync("/api/targets", new { teamId = Guid.NewGuid(), period = "2026", amount = 1, currency = "EUR" })
            .ProblemAsync(HttpStatusCode.BadRequest, "teamId");
    }

    [Theory]
    [InlineData(75_000, 100_000, 75.0)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(1, 16, 6.3)]
    [InlineData(150, 100, 150.0)]
    public void Attainment_IsPercentToOneDecimal(long actual, long target, double expected) =>
        Assert.Equal((decimal)expected, TargetResponse.Attainment(actual, target));

    [Fact]
    public void Attainment_OfAZeroTarget_IsNull() => Assert.Null(TargetResponse.Attainment(10, 0));
}
