using System.Net;
using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers;

/// <summary>Who sees and changes which account and contact: owner, team, manager, inside-sales team, sharing, admin.</summary>
public sealed class RecordAccessTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task PrivateSharing_ColleagueOutsideTeamAndHierarchy_NeitherSeesNorChangesRecords()
    {
        var (owner, account, contact) = await PrivateTenantWithRecordsAsync();
        var stranger = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);

        await AssertInvisibleAsync(stranger, account, contact);
        await stranger.Client.RemoveAsync($"/api/accounts/{account}").ProblemAsync(HttpStatusCode.NotFound);
        await owner.Client.GetJsonAsync($"/api/accounts/{account}");
    }

    [Fact]
    public async Task PrivateSharing_TeamMateOfOwner_SeesAndChangesRecords()
    {
        var (owner, account, contact) = await PrivateTenantWithRecordsAsync();
        var mate = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        await app.CreateTeamAsync(owner.TenantId, TeamKind.FieldSales, owner.Id, mate.Id);

        await AssertVisibleAndChangeableAsync(mate, account, contact);
    }

    [Fact]
    public async Task PrivateSharing_OwnerSeesRecordsOfTeamMates()
    {
        var (owner, account, contact) = await PrivateTenantWithRecordsAsync();
        var mate = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        await app.CreateTeamAsync(owner.TenantId, TeamKind.FieldSales, owner.Id, mate.Id);
        var matesAccount = await mate.Client.CreateAccountAsync("Mate's customer");

        var visible = await owner.Client.VisibleIdsAsync("/api/accounts");

        Assert.Equal(new[] { account, matesAccount.Id() }.Order(), visible.Order());
        Assert.Contains(contact, await owner.Client.VisibleIdsAsync("/api/contacts"));
    }

    [Fact]
    public async Task PrivateSharing_DirectManagerOfOwner_SeesAndChangesRecords()
    {
        var tenant = await PrivateTenantAsync();
        var manager = await app.CreateUserAsync(tenant, [Roles.TeamLead]);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: manager.Id);
        var (account, contact) = await CreateRecordsAsync(owner);

        await AssertVisibleAndChangeableAsync(manager, account, contact);
    }

    [Fact]
    public async Task PrivateSharing_ManagerOfTheOwnersManager_DoesNotSeeRecords()
    {
        var tenant = await PrivateTenantAsync();
        var director = await app.CreateUserAsync(tenant, [Roles.TeamLead]);
        var manager = await app.CreateUserAsync(tenant, [Roles.TeamLead], managerId: director.Id);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: manager.Id);
        var (account, contact) = await CreateRecordsAsync(owner);

        await AssertInvisibleAsync(director, account, contact);
    }

    [Fact]
    public async Task PrivateSharing_ReportOfTheOwner_DoesNotSeeTheManagersRecords()
    {
        var tenant = await PrivateTenantAsync();
        var manager = await app.CreateUserAsync(tenant, [Roles.TeamLead]);
        var report = await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: manager.Id);
        var (account, contact) = await CreateRecordsAsync(manager);

        await AssertInvisibleAsync(report, account, contact);
    }

    [Fact]
    public async Task PrivateSharing_MemberOfTheAccountsInsideSalesTeam_SeesAndChangesTheAccount()
    {
        var (owner, account, _) = await PrivateTenantWithRecordsAsync();
        var agent = await app.CreateUserAsync(owner.TenantId, [Roles.InsideSales]);
        var outsider = await app.CreateUserAsync(owner.TenantId, [Roles.InsideSales]);
        var team = await app.CreateTeamAsync(owner.TenantId, TeamKind.InsideSales, agent.Id);
        await app.CreateTeamAsync(owner.TenantId, TeamKind.InsideSales, outsider.Id);
        await owner.Client.PatchJsonAsync($"/api/accounts/{account}", new { insideSalesTeamId = team }, "*").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([account], await agent.Client.VisibleIdsAsync("/api/accounts"));
        var changed = await agent.Client.PatchJsonAsync($"/api/accounts/{account}", new { description = "Called today" }, "*").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Called today", changed.Str("description"));
        Assert.Empty(await outsider.Client.VisibleIdsAsync("/api/accounts"));
        await outsider.Client.FetchAsync($"/api/accounts/{account}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PrivateSharing_Admin_SeesAndChangesEverything()
    {
        var (owner, account, contact) = await PrivateTenantWithRecordsAsync();
        var admin = await app.CreateUserAsync(owner.TenantId, [Roles.Admin]);

        await AssertVisibleAndChangeableAsync(admin, account, contact);
        await admin.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal([account], (await admin.Client.GetJsonAsync("/api/accounts/deleted")).Ids());
        await admin.Client.PostAsync($"/api/accounts/{account}/restore", null, Api.Ct).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PrivateSharing_RecycleBin_ShowsOnlyVisibleRecords()
    {
        var (owner, account, contact) = await PrivateTenantWithRecordsAsync();
        var stranger = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        await owner.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Empty((await stranger.Client.GetJsonAsync("/api/accounts/deleted")).Ids());
        Assert.Empty((await stranger.Client.GetJsonAsync("/api/contacts/deleted")).Ids());
        await stranger.Client.PostAsync($"/api/accounts/{account}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
        await stranger.Client.PostAsync($"/api/contacts/{contact}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([account], (await owner.Client.GetJsonAsync("/api/accounts/deleted")).Ids());
    }

    [Fact]
    public async Task PrivateSharing_CreateForColleagueOutsideTeam_Returns201DescribingTheAccountWhichThenIsInvisible()
    {
        var tenant = await PrivateTenantAsync();
        var rep = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var colleague = await app.CreateUserAsync(tenant, [Roles.SalesRep]);

        var response = await rep.Client.PostJsonAsync("/api/accounts", new { name = "Handed over", ownerId = colleague.Id, phone = "030 123456" });
        var created = await response.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("Handed over", created.Str("name"));
        Assert.Equal("+4930123456", created.Str("phone"));
        Assert.Equal(colleague.Id, created.GetProperty("ownerId").GetGuid());
        Assert.Equal(created.Str("eTag"), response.ETag());
        await rep.Client.FetchAsync($"/api/accounts/{created.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(created.Str("eTag"), (await colleague.Client.GetJsonAsync($"/api/accounts/{created.Id()}")).Str("eTag"));
    }

    [Fact]
    public async Task PrivateSharing_PatchHandingTheAccountToColleagueOutsideTeam_Returns200AndThenTheAccountIsInvisible()
    {
        var (owner, account, _) = await PrivateTenantWithRecordsAsync();
        var colleague = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);

        var response = await owner.Client.PatchJsonAsync($"/api/accounts/{account}", new { ownerId = colleague.Id }, "*");
        var updated = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(colleague.Id, updated.GetProperty("ownerId").GetGuid());
        await owner.Client.FetchAsync($"/api/accounts/{account}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(response.ETag(), (await colleague.Client.FetchAsync($"/api/accounts/{account}")).ETag());
    }

    [Fact]
    public async Task PrivateSharing_ParentAccountTheUserCannotSee_Returns400NamingParentAccountId()
    {
        var (owner, account, _) = await PrivateTenantWithRecordsAsync();
        var stranger = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);

        await stranger.Client.PostJsonAsync("/api/accounts", new { name = "Subsidiary", parentAccountId = account }).ProblemAsync(HttpStatusCode.BadRequest, "parentAccountId");
    }

    [Fact]
    public async Task PrivateSharing_DeletingAnAccount_TakesAlongContactsTheUserCannotSeeAndRestoreBringsThemBack()
    {
        var (owner, account, _) = await PrivateTenantWithRecordsAsync();
        var stranger = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var admin = await app.CreateUserAsync(owner.TenantId, [Roles.Admin]);
        var strangersContact = await admin.Client.CreateContactAsync(new { lastName = "Stranger's contact", accountId = account, ownerId = stranger.Id });
        await owner.Client.FetchAsync($"/api/contacts/{strangersContact.Id()}").ProblemAsync(HttpStatusCode.NotFound);

        await owner.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);

        await stranger.Client.FetchAsync($"/api/contacts/{strangersContact.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(strangersContact.Id(), (await stranger.Client.GetJsonAsync("/api/contacts/deleted")).Ids());

        await owner.Client.PostAsync($"/api/accounts/{account}/restore", null, Api.Ct).ExpectAsync(HttpStatusCode.OK);

        await stranger.Client.GetJsonAsync($"/api/contacts/{strangersContact.Id()}");
    }

    [Fact]
    public async Task ReadSharing_Colleague_SeesRecordsButGets403OnChanges()
    {
        var tenant = await app.CreateTenantAsync("Acme");
        await app.SetSharingAsync(tenant, CustomerObjects.Accounts, SharingLevel.Read);
        await app.SetSharingAsync(tenant, CustomerObjects.Contacts, SharingLevel.Read);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var colleague = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var (account, contact) = await CreateRecordsAsync(owner);

        Assert.Equal([account], await colleague.Client.VisibleIdsAsync("/api/accounts"));
        Assert.Equal([contact], await colleague.Client.VisibleIdsAsync("/api/contacts"));
        await colleague.Client.PatchJsonAsync($"/api/accounts/{account}", new { name = "Mine now" }, "*").ProblemAsync(HttpStatusCode.Forbidden);
        await colleague.Client.PatchJsonAsync($"/api/contacts/{contact}", new { lastName = "Mine now" }, "*").ProblemAsync(HttpStatusCode.Forbidden);
        await colleague.Client.RemoveAsync($"/api/accounts/{account}").ProblemAsync(HttpStatusCode.Forbidden);
        await colleague.Client.RemoveAsync($"/api/contacts/{contact}").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Account of the owner", (await owner.Client.GetJsonAsync($"/api/accounts/{account}")).Str("name"));
    }

    [Fact]
    public async Task DefaultSharing_OfANewTenant_LetsColleaguesReadButNotChange()
    {
        var owner = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var (account, _) = await CreateRecordsAsync(owner);

        await colleague.Client.GetJsonAsync($"/api/accounts/{account}");
        await colleague.Client.PatchJsonAsync($"/api/accounts/{account}", new { segment = "SMB" }, "*").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReadWriteSharing_Colleague_SeesAndChangesRecords()
    {
        var tenant = await app.CreateTenantAsync("Acme");
        await app.SetSharingAsync(tenant, CustomerObjects.Accounts, SharingLevel.ReadWrite);
        await app.SetSharingAsync(tenant, CustomerObjects.Contacts, SharingLevel.ReadWrite);
        var owner = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var colleague = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var (account, contact) = await CreateRecordsAsync(owner);

        await AssertVisibleAndChangeableAsync(colleague, account, contact);
        await colleague.Client.RemoveAsync($"/api/contacts/{contact}").ExpectAsync(HttpStatusCode.NoContent);
        await colleague.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task SharingChange_TakesEffectOnTheNextRequest()
    {
        var (owner, account, _) = await PrivateTenantWithRecordsAsync();
        var colleague = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        Assert.Empty(await colleague.Client.VisibleIdsAsync("/api/accounts"));

        await app.SetSharingAsync(owner.TenantId, CustomerObjects.Accounts, SharingLevel.Read);

        Assert.Equal([account], await colleague.Client.VisibleIdsAsync("/api/accounts"));
    }

    [Fact]
    public async Task PrivateSharing_ListSearchAndGet_ShowEachUserTheSameRecords()
    {
        var tenant = await PrivateTenantAsync();
        var director = await app.CreateUserAsync(tenant, [Roles.TeamLead]);
        var manager = await app.CreateUserAsync(tenant, [Roles.TeamLead], managerId: director.Id);
        var rep = await app.CreateUserAsync(tenant, [Roles.SalesRep], managerId: manager.Id);
        var mate = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var stranger = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var agent = await app.CreateUserAsync(tenant, [Roles.InsideSales]);
        var admin = await app.CreateUserAsync(tenant, [Roles.Admin]);
        await app.CreateTeamAsync(tenant, TeamKind.FieldSales, rep.Id, mate.Id);
        var insideSales = await app.CreateTeamAsync(tenant, TeamKind.InsideSales, agent.Id);

        var all = new List<Guid>();
        foreach (var (owner, team) in new (TestUser, Guid?)[] { (director, null), (manager, null), (rep, null), (rep, insideSales), (mate, null), (stranger, null), (admin, insideSales) })
        {
            all.Add((await owner.Client.CreateAccountAsync(new { name = $"Shared word {all.Count}", insideSalesTeamId = team })).Id());
        }

        foreach (var user in new[] { director, manager, rep, mate, stranger, agent, admin })
        {
            var listed = await user.Client.VisibleIdsAsync("/api/accounts?limit=2");
            var searched = await user.Client.VisibleIdsAsync("/api/accounts?search=shared%20word&limit=3");
            var fetched = new HashSet<Guid>();
            foreach (var id in all)
            {
                var response = await user.Client.FetchAsync($"/api/accounts/{id}");
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET answered {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    fetched.Add(id);
                }
            }

            Assert.Equal(fetched.Order(), listed.Order());
            Assert.Equal(fetched.Order(), searched.Order());
            Assert.Equal(listed.Count, (await user.Client.GetJsonAsync("/api/accounts")).GetProperty("total").GetInt32());
        }

        // Spot checks of the rules behind the sets compared above.
        Assert.Equal(7, (await admin.Client.VisibleIdsAsync("/api/accounts")).Count);
        Assert.Equal(new[] { all[1], all[2], all[3] }.Order(), (await manager.Client.VisibleIdsAsync("/api/accounts")).Order());
        Assert.Equal(new[] { all[0], all[1] }.Order(), (await director.Client.VisibleIdsAsync("/api/accounts")).Order());
        Assert.Equal(new[] { all[3], all[6] }.Order(), (await agent.Client.VisibleIdsAsync("/api/accounts")).Order());
    }

    private async Task<Guid> PrivateTenantAsync()
    {
        var tenant = await app.CreateTenantAsync("Acme");
        await app.SetSharingAsync(tenant, CustomerObjects.Accounts, SharingLevel.Private);
        await app.SetSharingAsync(tenant, CustomerObjects.Contacts, SharingLevel.Private);
        return tenant;
    }

    private async Task<(TestUser Owner, Guid Account, Guid Contact)> PrivateTenantWithRecordsAsync()
    {
        var owner = await app.CreateUserAsync(await PrivateTenantAsync(), [Roles.SalesRep]);
        var (account, contact) = await CreateRecordsAsync(owner);
        return (owner, account, contact);
    }

    private static async Task<(Guid Account, Guid Contact)> CreateRecordsAsync(TestUser owner)
    {
        var account = await owner.Client.CreateAccountAsync("Account of the owner");
        var contact = await owner.Client.CreateContactAsync("Contact of the owner", account.Id());
        return (account.Id(), contact.Id());
    }

    private static async Task AssertInvisibleAsync(TestUser user, Guid account, Guid contact)
    {
        Assert.DoesNotContain(account, await user.Client.VisibleIdsAsync("/api/accounts"));
        Assert.DoesNotContain(account, await user.Client.VisibleIdsAsync("/api/accounts?search=owner"));
        Assert.DoesNotContain(contact, await user.Client.VisibleIdsAsync("/api/contacts"));
        await user.Client.FetchAsync($"/api/accounts/{account}").ProblemAsync(HttpStatusCode.NotFound);
        await user.Client.FetchAsync($"/api/contacts/{contact}").ProblemAsync(HttpStatusCode.NotFound);
        await user.Client.PatchJsonAsync($"/api/accounts/{account}", new { name = "Changed" }, "*").ProblemAsync(HttpStatusCode.NotFound);
        await user.Client.PatchJsonAsync($"/api/contacts/{contact}", new { lastName = "Changed" }, "*").ProblemAsync(HttpStatusCode.NotFound);
        await user.Client.PostJsonAsync("/api/contacts", new { lastName = "Attached", accountId = account }).ProblemAsync(HttpStatusCode.BadRequest, "accountId");
    }

    private static async Task AssertVisibleAndChangeableAsync(TestUser user, Guid account, Guid contact)
    {
        Assert.Contains(account, await user.Client.VisibleIdsAsync("/api/accounts"));
        Assert.Contains(account, await user.Client.VisibleIdsAsync("/api/accounts?search=owner"));
        Assert.Contains(contact, await user.Client.VisibleIdsAsync("/api/contacts"));
        var changed = await user.Client.PatchJsonAsync($"/api/accounts/{account}", new { industry = "Changed by colleague" }, "*").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Changed by colleague", changed.Str("industry"));
        await user.Client.PatchJsonAsync($"/api/contacts/{contact}", new { jobTitle = "Changed by colleague" }, "*").ExpectAsync(HttpStatusCode.OK);
    }
}
