using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Contacts;

public sealed class ContactRecycleBinTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Delete_VisibleContact_Returns204AndMovesItToTheRecycleBin()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");

        await rep.Client.RemoveAsync($"/api/contacts/{contact.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        await rep.Client.FetchAsync($"/api/contacts/{contact.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await rep.Client.GetJsonAsync("/api/contacts")).Ids());
        var bin = await rep.Client.GetJsonAsync("/api/contacts/deleted");
        Assert.Equal([contact.Id()], bin.Ids());
        Assert.NotEqual(JsonValueKind.Null, bin.GetProperty("items")[0].GetProperty("deletedAt").ValueKind);
    }

    [Fact]
    public async Task Delete_WithStaleIfMatch_Returns412AndKeepsTheContact()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");
        await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "CFO" }, "*").ExpectAsync(HttpStatusCode.OK);

        await rep.Client.RemoveAsync($"/api/contacts/{contact.Id()}", contact.Str("eTag")).ProblemAsync(HttpStatusCode.PreconditionFailed);

        await rep.Client.GetJsonAsync($"/api/contacts/{contact.Id()}");
    }

    [Fact]
    public async Task Delete_UnknownContact_Returns404()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.RemoveAsync($"/api/contacts/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Restore_DeletedContact_Returns200AndListsItAgain()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var contact = await rep.Client.CreateContactAsync("Kowalski", account.Id());
        await rep.Client.RemoveAsync($"/api/contacts/{contact.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        var response = await rep.Client.PostAsync($"/api/contacts/{contact.Id()}/restore", null, Api.Ct);
        var restored = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Acme", restored.Str("accountName"));
        Assert.Equal(restored.Str("eTag"), response.ETag());
        Assert.Equal([contact.Id()], (await rep.Client.GetJsonAsync($"/api/contacts?account={account.Id()}")).Ids());
        Assert.Empty((await rep.Client.GetJsonAsync("/api/contacts/deleted")).Ids());
    }

    [Fact]
    public async Task Restore_ContactWhileItsAccountIsDeleted_Returns409AndKeepsItInTheRecycleBin()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var contact = await rep.Client.CreateContactAsync("Kowalski", account.Id());
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        var problem = await rep.Client.PostAsync($"/api/contacts/{contact.Id()}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("account", problem.Str("title"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal([contact.Id()], (await rep.Client.GetJsonAsync("/api/contacts/deleted")).Ids());
    }

    [Fact]
    public async Task Restore_ContactThatIsNotDeleted_Returns404()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");

        await rep.Client.PostAsync($"/api/contacts/{contact.Id()}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("-deletedAt")]
    [InlineData("name")]
    public async Task ListDeleted_PagedWithCursor_ReturnsEveryContactOnce(string sort)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        foreach (var lastName in new[] { "Meier", "Meier", "Adler", "Meier", "Zander" })
        {
            var contact = await rep.Client.CreateContactAsync(lastName);
            await rep.Client.RemoveAsync($"/api/contacts/{contact.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        }

        var whole = await rep.Client.GetJsonAsync($"/api/contacts/deleted?sort={sort}");
        var pages = await rep.Client.AllPagesAsync($"/api/contacts/deleted?sort={sort}&limit=2");

        Assert.Equal([2, 2, 1], pages.Select(p => p.Ids().Count));
        Assert.Equal(whole.Ids(), pages.SelectMany(p => p.Ids()));
        Assert.Equal(5, whole.Ids().Distinct().Count());
        if (sort == "name")
        {
            Assert.Equal(["Adler", "Meier", "Meier", "Meier", "Zander"], whole.Values("lastName"));
        }
        else
        {
            Assert.Equal(["Zander", "Meier", "Adler", "Meier", "Meier"], whole.Values("lastName"));
        }
    }
}
