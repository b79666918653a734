using System.Net;
using Kontor.Features.Sales;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales;

/// <summary>Who sees and changes which opportunity: owner, inside-sales team, manager, colleagues per sharing level, works council.</summary>
public sealed class OpportunityAccessTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private async Task<(TestUser Owner, Guid Account, Guid Opportunity)> DealAsync(SharingLevel sharing, Guid? manager = null)
    {
        var tenant = await app.CreateTenantAsync("Access");
        await app.SetSharingAsync(tenant, SalesObjects.Opportunities, sharing);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: manager);
        var account = (await owner.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await owner.Client.CreateOpportunityAsync("Press line", account)).Id();
        return (owner, account, opportunity);
    }

    private static Task<HttpResponseMessage> RenameAsync(TestUser user, Guid opportunity) =>
        user.Client.PatchJsonAsync($"/api/opportunities/{opportunity}", new { name = "Renamed" }, "*");

    [Fact]
    public async Task Owner_SeesAndChangesTheDeal()
    {
        var (owner, _, opportunity) = await DealAsync(SharingLevel.Private);

        await RenameAsync(owner, opportunity).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([opportunity], await owner.Client.VisibleIdsAsync("/api/opportunities"));
    }

    [Fact]
    public async Task PrivateSharing_OtherRep_NeitherSeesNorChangesNorMovesTheDeal()
    {
        var (owner, _, opportunity) = await DealAsync(SharingLevel.Private);
        var other = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var stage = (await owner.Client.DefaultPipelineAsync()).StageId("Bedarfsanalyse");

        await other.Client.FetchAsync($"/api/opportunities/{opportunity}").ProblemAsync(HttpStatusCode.NotFound);
        await RenameAsync(other, opportunity).ProblemAsync(HttpStatusCode.NotFound);
        await other.Client.MoveAsync(opportunity, stage).ProblemAsync(HttpStatusCode.NotFound);
        await other.Client.FetchAsync($"/api/timeline/opportunity/{opportunity}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await other.Client.VisibleIdsAsync("/api/opportunities"));
        Assert.Equal(0, (await other.Client.GetJsonAsync("/api/opportunities/board")).GetProperty("columns")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ReadSharing_OtherRep_SeesButCannotChangeTheDeal()
    {
        var (owner, _, opportunity) = await DealAsync(SharingLevel.Read);
        var other = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);

        await other.Client.GetJsonAsync($"/api/opportunities/{opportunity}");
        await RenameAsync(other, opportunity).ProblemAsync(HttpStatusCode.Forbidden);
        await other.Client.MoveAsync(opportunity, (await owner.Client.DefaultPipelineAsync()).StageId("Bedarfsanalyse")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReadWriteSharing_OtherRep_ChangesTheDeal()
    {
        var (owner, _, opportunity) = await DealAsync(SharingLevel.ReadWrite);
        var other = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);

        await RenameAsync(other, opportunity).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PrivateSharing_MemberOfTheInsideSalesTeam_SeesAndChangesTheDeal_OtherTeamsDoNot()
    {
        var tenant = await app.CreateTenantAsync("Access");
        await app.SetSharingAsync(tenant, SalesObjects.Opportunities, SharingLevel.Private);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var agent = await app.CreateUserAsync(tenant, [Roles.InsideSales]);
        var outsider = await app.CreateUserAsync(tenant, [Roles.InsideSales]);
        var team = await app.CreateTeamAsync(tenant, TeamKind.InsideSales, agent.Id);
        await app.CreateTeamAsync(tenant, TeamKind.InsideSales, outsider.Id);
        var account = (await owner.Client.CreateAccountAsync(new { name = "Acme", insideSalesTeamId = team })).Id();
        var opportunity = (await owner.Client.CreateOpportunityAsync("Press line", account)).Id();

        await RenameAsync(agent, opportunity).ExpectAsync(HttpStatusCode.OK);
        await outsider.Client.FetchAsync($"/api/opportunities/{opportunity}").ProblemAsync(HttpStatusCode.NotFound);
        await agent.Client.RemoveAsync($"/api/opportunities/{opportunity}").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PrivateSharing_ManagerOfTheOwner_SeesAndChangesTheDeal()
    {
        var tenant = await app.CreateTenantAsync("Access");
        await app.SetSharingAsync(tenant, SalesObjects.Opportunities, SharingLevel.Private);
        var manager = await app.CreateUserAsync(tenant, [Roles.TeamLead]);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: manager.Id);
        var account = (await owner.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await owner.Client.CreateOpportunityAsync("Press line", account)).Id();

        await RenameAsync(manager, opportunity).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WorksCouncil_SeesNoDeal()
    {
        var (owner, _, opportunity) = await DealAsync(SharingLevel.ReadWrite);
        var council = await app.CreateUserAsync(owner.TenantId, [Roles.WorksCouncil]);

        await council.Client.FetchAsync($"/api/opportunities/{opportunity}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await council.Client.VisibleIdsAsync("/api/opportunities"));
        await council.Client.PostJsonAsync("/api/opportunities", new { name = "X", accountId = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_ForAccountTheUserCannotSee_Returns400NamingAccountId()
    {
        var (owner, account, _) = await DealAsync(SharingLevel.Private);
        await app.SetSharingAsync(owner.TenantId, Kontor.Features.Customers.CustomerObjects.Accounts, SharingLevel.Private);
        var other = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);

        await other.Client.PostJsonAsync("/api/opportunities", new { name = "Mine now", accountId = account }).ProblemAsync(HttpStatusCode.BadRequest, "accountId");
    }
}
