using System.Net;
using Kontor.Features.Sales;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales.Leads;

/// <summary>Who sees and works which lead: own leads, the queue, the team, the sharing level, the works council.</summary>
public sealed class LeadAccessTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task DefaultSharing_RepSeesColleaguesLeadsAndQueue_ButChangesOnlyOwnAndQueued()
    {
        var rep = await app.CreateTenantWithUserAsync("Lead access", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        var colleagues = await colleague.Client.CreateLeadAsync(new { lastName = "Fremd", ownerId = colleague.Id });
        var queued = await colleague.Client.CreateLeadAsync("Warteschlange");

        var visible = await rep.Client.VisibleIdsAsync("/api/leads");

        Assert.Equal(new[] { colleagues.Id(), queued.Id() }.Order(), visible.Order());
        var colleaguesETag = (await rep.Client.FetchAsync($"/api/leads/{colleagues.Id()}")).ETag();
        await rep.Client.PatchJsonAsync($"/api/leads/{colleagues.Id()}", new { rating = "Hot" }, colleaguesETag).ProblemAsync(HttpStatusCode.Forbidden);
        var queuedETag = (await rep.Client.FetchAsync($"/api/leads/{queued.Id()}")).ETag();
        var taken = await rep.Client.PatchJsonAsync($"/api/leads/{queued.Id()}", new { ownerId = rep.Id }, queuedETag).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(rep.Id, taken.OwnerOf());
    }

    [Fact]
    public async Task PrivateSharing_RepSeesOwnAndTeamLeadsOnly_NotQueueOrStrangers()
    {
        var admin = await app.CreateTenantWithUserAsync("Lead access");
        await app.SetSharingAsync(admin.TenantId, SalesObjects.Leads, SharingLevel.Private);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var mate = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var stranger = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var team = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales, rep.Id, mate.Id);
        var own = await admin.Client.CreateLeadAsync(new { lastName = "Eigen", ownerId = rep.Id });
        var mates = await admin.Client.CreateLeadAsync(new { lastName = "Kollege", ownerId = mate.Id });
        var teamQueue = await admin.Client.CreateLeadAsync(new { lastName = "Teamschlange", teamId = team });
        await admin.Client.CreateLeadAsync(new { lastName = "Fremd", ownerId = stranger.Id });
        await admin.Client.CreateLeadAsync("Warteschlange");

        var visible = await rep.Client.VisibleIdsAsync("/api/leads");

        Assert.Equal(new[] { own.Id(), mates.Id(), teamQueue.Id() }.Order(), visible.Order());
        Assert.Equal(5, (await admin.Client.VisibleIdsAsync("/api/leads")).Count);
    }

    [Fact]
    public async Task WorksCouncil_SeesNoLeadsAndCannotCreateOne()
    {
        var rep = await app.CreateTenantWithUserAsync("Lead access", Roles.SalesRep);
        var council = await app.CreateUserAsync(rep.TenantId, [Roles.WorksCouncil]);
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Geheim", ownerId = rep.Id });

        Assert.Empty(await council.Client.VisibleIdsAsync("/api/leads"));
        await council.Client.FetchAsync($"/api/leads/{lead.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await council.Client.PostJsonAsync("/api/leads", new { lastName = "X" }).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RulesAndFormSettings_OnlyForAdministrators()
    {
        var rep = await app.CreateTenantWithUserAsync("Lead access", Roles.SalesRep);

        await rep.Client.FetchAsync("/api/lead-form").ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.FetchAsync("/api/lead-assignment-rules").ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.PostJsonAsync("/api/lead-scoring-rules", new { name = "x", condition = "HasPhone", points = 1 }).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
