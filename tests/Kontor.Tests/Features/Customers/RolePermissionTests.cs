using System.Net;
using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers;

/// <summary>What each role may do with accounts and contacts (CustomerObjects), whatever the record.</summary>
public sealed class RolePermissionTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task WorksCouncil_ReadsNoCustomerData()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.SetSharingAsync(rep.TenantId, CustomerObjects.Accounts, SharingLevel.ReadWrite);
        await app.SetSharingAsync(rep.TenantId, CustomerObjects.Contacts, SharingLevel.ReadWrite);
        var council = await app.CreateUserAsync(rep.TenantId, [Roles.WorksCouncil]);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var contact = await rep.Client.CreateContactAsync("Kowalski", account.Id());
        var deleted = await rep.Client.CreateAccountAsync("Deleted");
        await rep.Client.RemoveAsync($"/api/accounts/{deleted.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        foreach (var list in new[] { "/api/accounts", "/api/contacts", "/api/accounts/deleted", "/api/accounts?search=acme" })
        {
            var page = await council.Client.GetJsonAsync(list);
            Assert.Empty(page.Ids());
            Assert.Equal(0, page.GetProperty("total").GetInt32());
        }

        await council.Client.FetchAsync($"/api/accounts/{account.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await council.Client.FetchAsync($"/api/contacts/{contact.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await council.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Changed" }, "*").ProblemAsync(HttpStatusCode.NotFound);
        await council.Client.PostAsync($"/api/accounts/{deleted.Id()}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WorksCouncil_CreatingAccountOrContact_Returns403()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var council = await app.CreateUserAsync(admin.TenantId, [Roles.WorksCouncil]);

        await council.Client.PostJsonAsync("/api/accounts", new { name = "Acme" }).ProblemAsync(HttpStatusCode.Forbidden);
        await council.Client.PostJsonAsync("/api/contacts", new { lastName = "Kowalski" }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await admin.Client.GetJsonAsync("/api/accounts")).Ids());
        Assert.Empty((await admin.Client.GetJsonAsync("/api/contacts")).Ids());
    }

    [Fact]
    public async Task ServiceAgent_ReadsAccountsButGets403OnCreateEditAndDelete()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.SetSharingAsync(rep.TenantId, CustomerObjects.Accounts, SharingLevel.ReadWrite);
        var agent = await app.CreateUserAsync(rep.TenantId, [Roles.ServiceAgent]);
        var account = await rep.Client.CreateAccountAsync("Acme");

        Assert.Equal([account.Id()], (await agent.Client.GetJsonAsync("/api/accounts")).Ids());
        await agent.Client.GetJsonAsync($"/api/accounts/{account.Id()}");
        await agent.Client.PostJsonAsync("/api/accounts", new { name = "New" }).ProblemAsync(HttpStatusCode.Forbidden);
        await agent.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Changed" }, "*").ProblemAsync(HttpStatusCode.Forbidden);
        await agent.Client.RemoveAsync($"/api/accounts/{account.Id()}").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Acme", (await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}")).Str("name"));
    }

    [Fact]
    public async Task ServiceAgent_CreatesAndEditsContactsButCannotDeleteThem()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var agent = await app.CreateUserAsync(rep.TenantId, [Roles.ServiceAgent]);
        var account = await rep.Client.CreateAccountAsync("Acme");

        var contact = await agent.Client.CreateContactAsync("Caller", account.Id());
        await agent.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "IT" }, "*").ExpectAsync(HttpStatusCode.OK);
        await agent.Client.RemoveAsync($"/api/contacts/{contact.Id()}").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task InsideSales_CreatesAndEditsAccountsButGets403OnDelete()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var insideSales = await app.CreateUserAsync(admin.TenantId, [Roles.InsideSales]);

        var account = await insideSales.Client.CreateAccountAsync("Lead turned customer");
        await insideSales.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { segment = "SMB" }, "*").ExpectAsync(HttpStatusCode.OK);
        await insideSales.Client.RemoveAsync($"/api/accounts/{account.Id()}").ProblemAsync(HttpStatusCode.Forbidden);

        await insideSales.Client.GetJsonAsync($"/api/accounts/{account.Id()}");
    }

    [Fact]
    public async Task InsideSales_RestoringAnAccount_Returns403()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.SetSharingAsync(rep.TenantId, CustomerObjects.Accounts, SharingLevel.ReadWrite);
        var insideSales = await app.CreateUserAsync(rep.TenantId, [Roles.InsideSales]);
        var account = await rep.Client.CreateAccountAsync("Acme");
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal([account.Id()], (await insideSales.Client.GetJsonAsync("/api/accounts/deleted")).Ids());
        await insideSales.Client.PostAsync($"/api/accounts/{account.Id()}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal([account.Id()], (await rep.Client.GetJsonAsync("/api/accounts/deleted")).Ids());
    }

    [Theory]
    [InlineData(Roles.SalesRep)]
    [InlineData(Roles.TeamLead)]
    [InlineData(Roles.Admin)]
    public async Task FullRoles_CreateEditDeleteAndRestoreTheirAccounts(string role)
    {
        var user = await app.CreateTenantWithUserAsync("Acme", role);

        var account = await user.Client.CreateAccountAsync("Acme");
        await user.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { segment = "SMB" }, "*").ExpectAsync(HttpStatusCode.OK);
        await user.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        await user.Client.PostAsync($"/api/accounts/{account.Id()}/restore", null, Api.Ct).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SeveralRoles_GetTheUnionOfTheirPermissions()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var both = await app.CreateUserAsync(admin.TenantId, [Roles.WorksCouncil, Roles.SalesRep]);

        var account = await both.Client.CreateAccountAsync("Acme");
        await both.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task RoleRemoved_TakesEffectOnTheNextRequest()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await rep.Client.CreateAccountAsync("Before");

        await app.WithUserManagerAsync(rep.TenantId, rep.Id, async (users, user) => (await users.RemoveFromRoleAsync(user, Roles.SalesRep)).Succeeded);
        await app.WithUserManagerAsync(rep.TenantId, rep.Id, async (users, user) => (await users.AddToRoleAsync(user, Roles.WorksCouncil)).Succeeded);

        await rep.Client.PostJsonAsync("/api/accounts", new { name = "After" }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await rep.Client.GetJsonAsync("/api/accounts")).Ids());
    }
}
