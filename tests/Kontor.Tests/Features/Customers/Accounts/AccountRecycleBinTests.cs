using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Accounts;

public sealed class AccountRecycleBinTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Delete_VisibleAccount_Returns204AndMovesItToTheRecycleBin()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        await rep.Client.FetchAsync($"/api/accounts/{account.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        var bin = await rep.Client.GetJsonAsync("/api/accounts/deleted");
        Assert.Equal([account.Id()], bin.Ids());
        Assert.NotEqual(JsonValueKind.Null, bin.GetProperty("items")[0].GetProperty("deletedAt").ValueKind);
    }

    [Fact]
    public async Task Delete_WithCurrentIfMatch_Returns204()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}", account.Str("eTag")).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Delete_WithStaleIfMatch_Returns412AndKeepsTheAccount()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var changed = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Retail" }, "*");
        await changed.ExpectAsync(HttpStatusCode.OK);

        var response = await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}", account.Str("eTag"));

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(changed.ETag(), response.ETag());
        await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}");
    }

    [Fact]
    public async Task Delete_UnknownOrAlreadyDeleted_Returns404()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await rep.Client.RemoveAsync($"/api/accounts/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_AccountWithContacts_TakesTheContactsAlong()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var first = await rep.Client.CreateContactAsync("Meier", account.Id());
        var second = await rep.Client.CreateContactAsync("Schulz", account.Id());
        var elsewhere = await rep.Client.CreateContactAsync("Unrelated");

        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        await rep.Client.FetchAsync($"/api/contacts/{first.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([elsewhere.Id()], (await rep.Client.GetJsonAsync("/api/contacts")).Ids());
        Assert.Equal([first.Id(), second.Id()], (await rep.Client.GetJsonAsync("/api/contacts/deleted?sort=name")).Ids());
    }

    [Fact]
    public async Task Restore_DeletedAccount_Returns200AndBringsBackItsContacts()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", industry = "Retail" });
        var contact = await rep.Client.CreateContactAsync("Meier", account.Id());
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        var response = await rep.Client.PostAsync($"/api/accounts/{account.Id()}/restore", null, Api.Ct);
        var restored = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Retail", restored.Str("industry"));
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("deletedAt").ValueKind);
        Assert.Equal(restored.Str("eTag"), response.ETag());
        await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}");
        Assert.Equal("Acme", (await rep.Client.GetJsonAsync($"/api/contacts/{contact.Id()}")).Str("accountName"));
        Assert.Empty((await rep.Client.GetJsonAsync("/api/accounts/deleted")).Ids());
        Assert.Empty((await rep.Client.GetJsonAsync("/api/contacts/deleted")).Ids());
    }

    [Fact]
    public async Task Restore_Account_LeavesContactsThatWereDeletedBeforeInTheRecycleBin()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var kept = await rep.Client.CreateContactAsync("Kept", account.Id());
        var removedEarlier = await rep.Client.CreateContactAsync("Removed earlier", account.Id());
        await rep.Client.RemoveAsync($"/api/contacts/{removedEarlier.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        await rep.Client.PostAsync($"/api/accounts/{account.Id()}/restore", null, Api.Ct).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([kept.Id()], (await rep.Client.GetJsonAsync($"/api/contacts?account={account.Id()}")).Ids());
        Assert.Equal([removedEarlier.Id()], (await rep.Client.GetJsonAsync("/api/contacts/deleted")).Ids());
    }

    [Fact]
    public async Task Restore_AccountThatIsNotDeletedOrUnknown_Returns404()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.PostAsync($"/api/accounts/{account.Id()}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
        await rep.Client.PostAsync($"/api/accounts/{Guid.NewGuid()}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListDeleted_ByDefault_ShowsNewestDeletionFirst()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var ids = new List<Guid>();
        foreach (var name in new[] { "Anton", "Berta", "Cäsar" })
        {
            var account = await rep.Client.CreateAccountAsync(name);
            await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);
            ids.Add(account.Id());
        }

        var bin = await rep.Client.GetJsonAsync("/api/accounts/deleted");
        var byName = await rep.Client.GetJsonAsync("/api/accounts/deleted?sort=name");

        Assert.Equal(["Cäsar", "Berta", "Anton"], bin.Values("name"));
        Assert.Equal(["Anton", "Berta", "Cäsar"], byName.Values("name"));
        Assert.Equal(3, bin.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("-deletedAt")]
    [InlineData("name")]
    public async Task ListDeleted_PagedWithCursor_ReturnsEveryAccountOnce(string sort)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        foreach (var name in new[] { "Same", "Same", "Other", "Same", "Last" })
        {
            var account = await rep.Client.CreateAccountAsync(name);
            await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        }

        var whole = await rep.Client.GetJsonAsync($"/api/accounts/deleted?sort={sort}");
        var pages = await rep.Client.AllPagesAsync($"/api/accounts/deleted?sort={sort}&limit=2");

        Assert.Equal([2, 2, 1], pages.Select(p => p.Ids().Count));
        Assert.Equal(whole.Ids(), pages.SelectMany(p => p.Ids()));
        Assert.Equal(5, whole.Ids().Distinct().Count());
    }

    [Fact]
    public async Task ListDeleted_WithUnknownSort_Returns400NamingSort()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.FetchAsync("/api/accounts/deleted?sort=createdAt").ProblemAsync(HttpStatusCode.BadRequest, "sort");
    }
}
