using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Administration;

public sealed class TeamEndpointsTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ThenListAndGet_ShowTheTeamWithSiteAndMembers()
    {
        var admin = await app.CreateTenantWithUserAsync("Teams");
        var site = await admin.CreateSiteAsync("Leipzig");

        var created = await admin.Client.PostAsJsonAsync("/api/teams", new { name = " Field sales east ", kind = "FieldSales", siteId = site, description = "Saxony" }, Ct);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        await admin.Client.PostAsJsonAsync($"/api/teams/{id}/members", new { userId = admin.Id }, Ct);
        var list = await admin.Client.GetJsonAsync("/api/teams");
        var team = await admin.Client.GetJsonAsync($"/api/teams/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/teams/{id}", created.Headers.Location?.ToString());
        Assert.Equal("Field sales east", list[0].GetProperty("name").GetString());
        Assert.Equal(1, list[0].GetProperty("memberCount").GetInt32());
        Assert.Equal("FieldSales", team.GetProperty("kind").GetString());
        Assert.Equal("Leipzig", team.GetProperty("siteName").GetString());
        Assert.Equal(admin.Id, team.GetProperty("members")[0].GetProperty("userId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/api/teams/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_WithTakenNameUnknownKindOrSite_Returns400NamingTheField()
    {
        var admin = await app.CreateTenantWithUserAsync("TeamsBad");
        await admin.CreateTeamAsync("Taken");

        var taken = await admin.Client.PostAsJsonAsync("/api/teams", new { name = "Taken" }, Ct);
        var kind = await admin.Client.PostAsJsonAsync("/api/teams", new { name = "New", kind = "Pirates" }, Ct);
        var site = await admin.Client.PostAsJsonAsync("/api/teams", new { name = "New", siteId = Guid.NewGuid() }, Ct);
        var empty = await admin.Client.PostAsJsonAsync("/api/teams", new { name = " " }, Ct);

        Assert.Equal(["name"], await taken.ErrorFieldsAsync());
        Assert.Equal(["kind"], await kind.ErrorFieldsAsync());
        Assert.Equal(["siteId"], await site.ErrorFieldsAsync());
        Assert.Equal(["name"], await empty.ErrorFieldsAsync());
    }

    [Fact]
    public async Task CreateAndUpdate_WithNullName_Return400OnName()
    {
        var admin = await app.CreateTenantWithUserAsync("TeamsNull");
        var team = await admin.CreateTeamAsync("Named");

        var created = await admin.Client.PostAsJsonAsync("/api/teams", new { name = (string?)null }, Ct);
        var patched = await admin.Client.PatchAsync($"/api/teams/{team}", new { name = (string?)null });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal(["name"], await created.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
        Assert.Equal(["name"], await patched.ErrorFieldsAsync());
        Assert.Equal("Named", (await admin.Client.GetJsonAsync($"/api/teams/{team}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Create_WithANameUsedInAnotherTenant_Succeeds()
    {
        var admin = await app.CreateTenantWithUserAsync("TeamsA");
        var other = await app.CreateTenantWithUserAsync("TeamsB");
        await other.CreateTeamAsync("Service");

        var response = await admin.Client.PostAsJsonAsync("/api/teams", new { name = "Service" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Update_RenamesOrRefusesTakenName()
    {
        var admin = await app.CreateTenantWithUserAsync("TeamsRename");
        var team = await admin.CreateTeamAsync("Old name");
        await admin.CreateTeamAsync("Other team");

        var renamed = await admin.Client.PatchAsync($"/api/teams/{team}", new { name = "New name", kind = "Service" });
        var taken = await admin.Client.PatchAsync($"/api/teams/{team}", new { name = "Other team" });
        var unknownField = await admin.Client.PatchAsync($"/api/teams/{team}", new { colour = "red" });
        var missing = await admin.Client.PatchAsync($"/api/teams/{Guid.NewGuid()}", new { name = "Ghost" });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var body = await renamed.JsonAsync();
        Assert.Equal("New name", body.GetProperty("name").GetString());
        Assert.Equal("Service", body.GetProperty("kind").GetString());
        Assert.Equal(["name"], await taken.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Members_AddTwiceOrUnknown_AreRefused_RemoveTwiceIs404()
    {
        var admin = await app.CreateTenantWithUserAsync("Members");
        var foreign = await app.CreateTenantWithUserAsync("MembersForeign");
        var team = await admin.CreateTeamAsync("Crew");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);

        var added = await admin.Client.PostAsJsonAsync($"/api/teams/{team}/members", new { userId = rep.Id }, Ct);
        var twice = await admin.Client.PostAsJsonAsync($"/api/teams/{team}/members", new { userId = rep.Id }, Ct);
        var unknownUser = await admin.Client.PostAsJsonAsync($"/api/teams/{team}/members", new { userId = Guid.NewGuid() }, Ct);
        var foreignUser = await admin.Client.PostAsJsonAsync($"/api/teams/{team}/members", new { userId = foreign.Id }, Ct);
        var unknownTeam = await admin.Client.PostAsJsonAsync($"/api/teams/{Guid.NewGuid()}/members", new { userId = rep.Id }, Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(rep.Id, (await added.JsonAsync()).GetProperty("members")[0].GetProperty("userId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(["userId"], await unknownUser.ErrorFieldsAsync());
        Assert.Equal(["userId"], await foreignUser.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownTeam.StatusCode);

        var removed = await admin.Client.DeleteAsync($"/api/teams/{team}/members/{rep.Id}", Ct);
        var removedAgain = await admin.Client.DeleteAsync($"/api/teams/{team}/members/{rep.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        Assert.Empty((await admin.Client.GetJsonAsync($"/api/users/{rep.Id}")).GetProperty("teams").EnumerateArray());
    }

    [Fact]
    public async Task Membership_ChangesRecordVisibilityOnTheNextRequest()
    {
        var admin = await app.CreateTenantWithUserAsync("Visibility");
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.SendAsync(HttpMethod.Put, "/api/sharing/account", new { level = "Private" })).StatusCode);
        var owner = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var teammate = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var team = await admin.CreateTeamAsync("Pair");
        await admin.Client.PostAsJsonAsync($"/api/teams/{team}/members", new { userId = teammate.Id }, Ct);
        var account = (await (await owner.Client.PostAsJsonAsync("/api/accounts", new { name = "Private customer AG" }, Ct)).JsonAsync()).GetProperty("id").GetGuid();
        var url = $"/api/accounts/{account}";
        Assert.Equal(HttpStatusCode.NotFound, (await teammate.Client.GetAsync(url, Ct)).StatusCode);

        await admin.Client.PostAsJsonAsync($"/api/teams/{team}/members", new { userId = owner.Id }, Ct);
        var asMember = await teammate.Client.GetAsync(url, Ct);
        await admin.Client.DeleteAsync($"/api/teams/{team}/members/{owner.Id}", Ct);
        var afterRemoval = await teammate.Client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterRemoval.StatusCode);
    }

    [Fact]
    public async Task Delete_EndsMembershipsAndClearsTheAccountsTeam()
    {
        var admin = await app.CreateTenantWithUserAsync("TeamsDelete");
        var team = await admin.CreateTeamAsync("Inside sales", "InsideSales");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.InsideSales]);
        await admin.Client.PostAsJsonAsync($"/api/teams/{team}/members", new { userId = rep.Id }, Ct);
        var account = (await (await admin.Client.PostAsJsonAsync("/api/accounts", new { name = "Looked after GmbH", insideSalesTeamId = team }, Ct)).JsonAsync()).GetProperty("id").GetGuid();

        var deleted = await admin.Client.DeleteAsync($"/api/teams/{team}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/api/teams/{team}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.DeleteAsync($"/api/teams/{team}", Ct)).StatusCode);
        Assert.Empty((await admin.Client.GetJsonAsync($"/api/users/{rep.Id}")).GetProperty("teams").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, (await admin.Client.GetJsonAsync($"/api/accounts/{account}")).GetProperty("insideSalesTeamId").ValueKind);
    }
}
