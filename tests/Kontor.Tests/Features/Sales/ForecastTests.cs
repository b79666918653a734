using System.Net;
using System.Text.Json;
using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales;

/// <summary>Forecast sums against hand-computed values, period boundaries, currencies, and who may read them (SalesFigures).</summary>
public sealed class ForecastTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static readonly TimeSpan BerlinWinter = TimeSpan.FromHours(1);
    private static readonly TimeSpan BerlinSummer = TimeSpan.FromHours(2);

    [Fact]
    public async Task Forecast_ForAQuarter_MatchesHandComputedSums_PerCurrency()
    {
        var rep = await app.CreateTenantWithUserAsync("Forecast", Roles.SalesRep);
        var peer = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        var t = rep.TenantId;
        var me = rep.Id;

        // Open, closing inside 2026-Q4 (first and last day included).
        await app.AddOpportunityAsync(t, me, account, 10, 100_000, closeDate: new DateOnly(2026, 10, 1));
        await app.AddOpportunityAsync(t, me, account, 20, 33_333, closeDate: new DateOnly(2026, 12, 31));
        await app.AddOpportunityAsync(t, me, account, 30, 200_001, closeDate: new DateOnly(2026, 11, 15));
        await app.AddOpportunityAsync(t, me, account, 40, 40_000, closeDate: new DateOnly(2026, 11, 30));
        await app.AddOpportunityAsync(t, me, account, 10, null, closeDate: new DateOnly(2026, 10, 5));
        await app.AddOpportunityAsync(t, me, account, 40, 10_000, "USD", new DateOnly(2026, 10, 10));

        // Outside the quarter, or someone else's.
        await app.AddOpportunityAsync(t, me, account, 40, 999_999, closeDate: new DateOnly(2027, 1, 1));
        await app.AddOpportunityAsync(t, me, account, 30, 50_000, closeDate: new DateOnly(2026, 9, 30));
        await app.AddOpportunityAsync(t, peer.Id, account, 40, 1_000_000, closeDate: new DateOnly(2026, 11, 1));

        // Won: the quarter starts and ends at midnight in Berlin, not UTC.
        await app.AddOpportunityAsync(t, me, account, 50, 70_000, closedAt: new DateTimeOffset(2026, 10, 1, 0, 30, 0, BerlinSummer));
        await app.AddOpportunityAsync(t, me, account, 50, 5_000, closedAt: new DateTimeOffset(2026, 12, 31, 23, 30, 0, BerlinWinter));
        await app.AddOpportunityAsync(t, me, account, 50, 8_000, closedAt: new DateTimeOffset(2027, 1, 1, 0, 10, 0, BerlinWinter));
        await app.AddOpportunityAsync(t, me, account, 50, 1_000, closedAt: new DateTimeOffset(2026, 9, 30, 23, 59, 0, BerlinSummer));
        await app.AddOpportunityAsync(t, me, account, 60, 300, closedAt: new DateTimeOffset(2026, 11, 1, 12, 0, 0, BerlinWinter), lossReason: "Price");

        var forecast = await rep.Client.GetJsonAsync("/api/forecasts?period=2026-Q4&user=me");

        Assert.Equal("2026-Q4", forecast.Str("period"));
        Assert.Equal("2026-10-01", forecast.Str("from"));
        Assert.Equal("2026-12-31", forecast.Str("to"));
        var currencies = forecast.GetProperty("currencies").EnumerateArray().ToList();
        Assert.Equal(["EUR", "USD"], currencies.Select(c => c.Str("currency")));
        var eur = currencies[0];

        // 100000 + 33333 + 200001 + 40000 + 0
        Assert.Equal(373_334, Long(eur, "pipeline"));

        // (100000×10 + 33333×25 + 200001×50 + 40000×75) / 100 = 148333.75
        Assert.Equal(148_334, Long(eur, "pipelineWeighted"));
        Assert.Equal(240_001, Long(eur, "bestCase"));

        // (200001×50 + 40000×75) / 100 = 130000.5, half away from zero
        Assert.Equal(130_001, Long(eur, "bestCaseWeighted"));
        Assert.Equal(40_000, Long(eur, "commit"));
        Assert.Equal(30_000, Long(eur, "commitWeighted"));
        Assert.Equal(75_000, Long(eur, "closedWon"));
        Assert.Equal(5, eur.GetProperty("openCount").GetInt32());
        Assert.Equal(2, eur.GetProperty("wonCount").GetInt32());

        var usd = currencies[1];
        Assert.Equal(10_000, Long(usd, "pipeline"));
        Assert.Equal(7_500, Long(usd, "pipelineWeighted"));
        Assert.Equal(10_000, Long(usd, "commit"));
        Assert.Equal(0, Long(usd, "closedWon"));

        // A month inside the quarter holds only its own close dates.
        var november = await rep.Client.GetJsonAsync("/api/forecasts?period=2026-11");
        var novemberEur = november.GetProperty("currencies")[0];
        Assert.Equal(240_001, Long(novemberEur, "pipeline"));
        Assert.Equal(0, Long(novemberEur, "closedWon"));
    }

    [Fact]
    public async Task Forecast_OfATeam_AddsItsMembers()
    {
        var lead = await app.CreateTenantWithUserAsync("Team", Roles.TeamLead);
        var rep = await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep]);
        var outsider = await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep]);
        var team = await app.CreateTeamAsync(lead.TenantId, TeamKind.FieldSales, lead.Id, rep.Id);
        await app.PutAgreementInForceAsync(lead.TenantId, lead.Id);
        var account = (await rep.Client.CreateAccountAsync("Acme")).Id();
        await app.AddOpportunityAsync(lead.TenantId, rep.Id, account, 40, 1_000, closeDate: new DateOnly(2026, 2, 1));
        await app.AddOpportunityAsync(lead.TenantId, lead.Id, account, 30, 2_000, closeDate: new DateOnly(2026, 3, 31));
        await app.AddOpportunityAsync(lead.TenantId, outsider.Id, account, 30, 4_000, closeDate: new DateOnly(2026, 3, 1));

        var forecast = await lead.Client.GetJsonAsync($"/api/forecasts?period=2026-Q1&team={team}");

        var eur = Assert.Single(forecast.GetProperty("currencies").EnumerateArray());
        Assert.Equal(3_000, Long(eur, "pipeline"));
        Assert.Equal(1_750, Long(eur, "pipelineWeighted"));
        Assert.Equal(1_000, Long(eur, "commit"));

        // Per owner: the rep's commit and the lead's best case; the outsider is not in the team.
        var owners = forecast.GetProperty("owners").EnumerateArray().ToDictionary(o => o.GetProperty("ownerId").GetGuid(), o => o.GetProperty("currencies")[0]);
        Assert.Equal(new[] { lead.Id, rep.Id }.Order(), owners.Keys.Order());
        Assert.Equal(1_000, Long(owners[rep.Id], "commit"));
        Assert.Equal(750, Long(owners[rep.Id], "pipelineWeighted"));
        Assert.Equal(2_000, Long(owners[lead.Id], "bestCase"));
        Assert.Equal(1_000, Long(owners[lead.Id], "bestCaseWeighted"));
    }

    [Fact]
    public async Task Figures_OfAPeer_AreRefused_WhileSelfManagerChainAdminAndTeamLeadMaySeeThem()
    {
        var tenant = await app.CreateTenantAsync("Access");
        var director = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var manager = await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: director.Id);
        var rep = await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: manager.Id);
        var peer = await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: manager.Id);
        var admin = await app.CreateUserAsync(tenant, [Roles.Admin]);
        var lead = await app.CreateUserAsync(tenant, [Roles.TeamLead]);
        var otherLead = await app.CreateUserAsync(tenant, [Roles.TeamLead]);
        var team = await app.CreateTeamAsync(tenant, TeamKind.FieldSales, lead.Id, rep.Id, peer.Id);
        await app.CreateTeamAsync(tenant, TeamKind.FieldSales, otherLead.Id);
        var url = $"/api/forecasts?period=2026-Q4&user={rep.Id}";

        await peer.Client.FetchAsync(url).ProblemAsync(HttpStatusCode.Forbidden);
        await otherLead.Client.FetchAsync(url).ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.FetchAsync($"/api/forecasts?user={manager.Id}").ProblemAsync(HttpStatusCode.Forbidden);
        foreach (var reader in new[] { rep, manager, director, admin, lead })
        {
            await reader.Client.FetchAsync(url).ExpectAsync(HttpStatusCode.OK);
        }

        // A team's sums reveal its members' figures: members who do not lead it see none.
        await peer.Client.FetchAsync($"/api/forecasts?team={team}").ProblemAsync(HttpStatusCode.Forbidden);
        await lead.Client.FetchAsync($"/api/forecasts?team={team}").ExpectAsync(HttpStatusCode.OK);
        await manager.Client.FetchAsync($"/api/forecasts?team={team}").ProblemAsync(HttpStatusCode.Forbidden);
        await admin.Client.FetchAsync($"/api/forecasts?team={team}").ExpectAsync(HttpStatusCode.OK);
        await rep.Client.FetchAsync("/api/forecasts?team=all").ProblemAsync(HttpStatusCode.Forbidden);
        await admin.Client.FetchAsync("/api/forecasts?team=all").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forecast_WithBadQuery_Returns400()
    {
        var rep = await app.CreateTenantWithUserAsync("Bad", Roles.SalesRep);

        await rep.Client.FetchAsync("/api/forecasts?period=2026-Q5").ProblemAsync(HttpStatusCode.BadRequest, "period");
        await rep.Client.FetchAsync("/api/forecasts?period=2026-13").ProblemAsync(HttpStatusCode.BadRequest, "period");
        await rep.Client.FetchAsync("/api/forecasts?user=you").ProblemAsync(HttpStatusCode.BadRequest, "user");
        await rep.Client.FetchAsync($"/api/forecasts?user={Guid.NewGuid()}").ProblemAsync(HttpStatusCode.BadRequest, "user");
        await rep.Client.FetchAsync($"/api/forecasts?team={Guid.NewGuid()}").ProblemAsync(HttpStatusCode.BadRequest, "team");
        await rep.Client.FetchAsync($"/api/forecasts?team={Guid.NewGuid()}&user=me").ProblemAsync(HttpStatusCode.BadRequest, "team");
    }

    [Theory]
    [InlineData("2026-Q4", "2026-10-01", "2027-01-01")]
    [InlineData("2026-q1", "2026-01-01", "2026-04-01")]
    [InlineData("2026-02", "2026-02-01", "2026-03-01")]
    [InlineData("2026-12", "2026-12-01", "2027-01-01")]
    [InlineData("2026", "2026-01-01", "2027-01-01")]
    public void Period_Parses_ToItsCalendarDays(string text, string start, string end)
    {
        var period = SalesPeriod.TryParse(text)!;

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(text.ToUpperInvariant(), period.Key);
    }

    [Theory]
    [InlineData("2026-Q0")]
    [InlineData("2026-00")]
    [InlineData("26-Q1")]
    [InlineData("2026-1")]
    [InlineData("")]
    public void Period_RejectsWhatIsNoPeriod(string text) => Assert.Null(SalesPeriod.TryParse(text));

    private static long Long(JsonElement element, string property) => element.GetProperty(property).GetInt64();
}
