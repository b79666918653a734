using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Tenancy;

/// <summary>Another tenant's records are invisible: every endpoint treats them exactly like records that do not exist.</summary>
public sealed class TenantIsolationTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>, IAsyncLifetime
{
    private TestUser acme = null!;
    private TestUser globex = null!;
    private Guid acmeTeam;
    private JsonElement acmeAccount;
    private JsonElement acmeContact;
    private JsonElement acmeDeletedAccount;
    private JsonElement acmeDeletedContact;

    public async ValueTask InitializeAsync()
    {
        acme = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        // An administrator of the other tenant: the most a user can see there.
        globex = await app.CreateTenantWithUserAsync("Globex", Roles.Admin);
        acmeTeam = await app.CreateTeamAsync(acme.TenantId, TeamKind.InsideSales, acme.Id);
        acmeAccount = await acme.Client.CreateAccountAsync(new { name = "Secret customer", segment = "Key", billingAddress = new { country = "DE" }, insideSalesTeamId = acmeTeam });
        acmeContact = await acme.Client.CreateContactAsync(new { lastName = "Secret contact", accountId = acmeAccount.Id() });
        acmeDeletedAccount = await acme.Client.CreateAccountAsync("Secret deleted customer");
        acmeDeletedContact = await acme.Client.CreateContactAsync("Secret deleted contact");
        await acme.Client.RemoveAsync($"/api/accounts/{acmeDeletedAccount.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        await acme.Client.RemoveAsync($"/api/contacts/{acmeDeletedContact.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        await globex.Client.CreateAccountAsync("Own customer");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("/api/accounts")]
    [InlineData("/api/accounts?search=secret")]
    [InlineData("/api/accounts?segment=Key")]
    [InlineData("/api/accounts?country=DE")]
    [InlineData("/api/contacts")]
    [InlineData("/api/contacts?search=secret")]
    [InlineData("/api/accounts/deleted")]
    [InlineData("/api/contacts/deleted")]
    public async Task List_AsUserOfOtherTenant_NeverShowsForeignRecords(string url)
    {
        var page = await globex.Client.GetJsonAsync(url);

        Assert.DoesNotContain(page.Values(url.StartsWith("/api/accounts", StringComparison.Ordinal) ? "name" : "lastName"), name => name!.Contains("Secret", StringComparison.Ordinal));
        Assert.Equal(page.Ids().Count, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_FilteredByForeignIds_IsEmpty()
    {
        Assert.Empty((await globex.Client.GetJsonAsync($"/api/accounts?owner={acme.Id}")).Ids());
        Assert.Empty((await globex.Client.GetJsonAsync($"/api/accounts?team={acmeTeam}")).Ids());
        Assert.Empty((await globex.Client.GetJsonAsync($"/api/contacts?account={acmeAccount.Id()}")).Ids());
        Assert.Empty((await globex.Client.GetJsonAsync($"/api/contacts?owner={acme.Id}")).Ids());
    }

    [Theory]
    [InlineData("accounts")]
    [InlineData("contacts")]
    public async Task Get_ForeignRecord_Answers404ExactlyLikeAMissingOne(string records)
    {
        var foreign = await globex.Client.FetchAsync($"/api/{records}/{ForeignId(records)}");
        var missing = await globex.Client.FetchAsync($"/api/{records}/{Guid.NewGuid()}");

        await AssertSameAnswerAsync(missing, foreign, HttpStatusCode.NotFound);
        Assert.False(foreign.Headers.Contains("ETag"));
    }

    [Theory]
    [InlineData("accounts", "*")]
    [InlineData("accounts", "\"1\"")]
    [InlineData("contacts", "*")]
    public async Task Patch_ForeignRecord_Answers404ExactlyLikeAMissingOneAndChangesNothing(string records, string ifMatch)
    {
        var foreign = await globex.Client.PatchJsonAsync($"/api/{records}/{ForeignId(records)}", new { description = "Hacked" }, ifMatch);
        var missing = await globex.Client.PatchJsonAsync($"/api/{records}/{Guid.NewGuid()}", new { description = "Hacked" }, ifMatch);

        await AssertSameAnswerAsync(missing, foreign, HttpStatusCode.NotFound);
        var stored = await acme.Client.GetJsonAsync($"/api/{records}/{ForeignId(records)}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("description").ValueKind);
    }

    [Theory]
    [InlineData("accounts")]
    [InlineData("contacts")]
    public async Task Delete_ForeignRecord_Answers404ExactlyLikeAMissingOneAndKeepsIt(string records)
    {
        var foreign = await globex.Client.RemoveAsync($"/api/{records}/{ForeignId(records)}");
        var missing = await globex.Client.RemoveAsync($"/api/{records}/{Guid.NewGuid()}");

        await AssertSameAnswerAsync(missing, foreign, HttpStatusCode.NotFound);
        await acme.Client.GetJsonAsync($"/api/{records}/{ForeignId(records)}");
    }

    [Theory]
    [InlineData("accounts")]
    [InlineData("contacts")]
    public async Task Restore_ForeignDeletedRecord_Answers404ExactlyLikeAMissingOneAndKeepsItDeleted(string records)
    {
        var deletedId = records == "accounts" ? acmeDeletedAccount.Id() : acmeDeletedContact.Id();

        var foreign = await globex.Client.PostAsync($"/api/{records}/{deletedId}/restore", null, Api.Ct);
        var missing = await globex.Client.PostAsync($"/api/{records}/{Guid.NewGuid()}/restore", null, Api.Ct);

        await AssertSameAnswerAsync(missing, foreign, HttpStatusCode.NotFound);
        Assert.Equal([deletedId], (await acme.Client.GetJsonAsync($"/api/{records}/deleted")).Ids());
    }

    [Fact]
    public async Task CreateAccount_ReferencingForeignOwnerTeamOrParent_Returns400ExactlyLikeUnknownOnes()
    {
        var foreign = await globex.Client.PostJsonAsync("/api/accounts", new { name = "Spy", ownerId = acme.Id, insideSalesTeamId = acmeTeam, parentAccountId = acmeAccount.Id() });
        var unknown = await globex.Client.PostJsonAsync("/api/accounts", new { name = "Spy", ownerId = Guid.NewGuid(), insideSalesTeamId = Guid.NewGuid(), parentAccountId = Guid.NewGuid() });

        var problem = await foreign.ProblemAsync(HttpStatusCode.BadRequest, "ownerId", "insideSalesTeamId", "parentAccountId");
        var expected = await unknown.ProblemAsync(HttpStatusCode.BadRequest, "ownerId", "insideSalesTeamId", "parentAccountId");
        Assert.Equal(expected.GetProperty("errors").GetRawText(), problem.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task CreateContact_ReferencingForeignAccountOrOwner_Returns400ExactlyLikeUnknownOnes()
    {
        var foreign = await globex.Client.PostJsonAsync("/api/contacts", new { lastName = "Spy", accountId = acmeAccount.Id(), ownerId = acme.Id });
        var unknown = await globex.Client.PostJsonAsync("/api/contacts", new { lastName = "Spy", accountId = Guid.NewGuid(), ownerId = Guid.NewGuid() });

        var problem = await foreign.ProblemAsync(HttpStatusCode.BadRequest, "accountId", "ownerId");
        var expected = await unknown.ProblemAsync(HttpStatusCode.BadRequest, "accountId", "ownerId");
        Assert.Equal(expected.GetProperty("errors").GetRawText(), problem.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task PatchOwnAccount_ReferencingForeignParent_Returns400NamingParentAccountId()
    {
        var own = await globex.Client.CreateAccountAsync("Own subsidiary");

        await globex.Client.PatchJsonAsync($"/api/accounts/{own.Id()}", new { parentAccountId = acmeAccount.Id() }, "*").ProblemAsync(HttpStatusCode.BadRequest, "parentAccountId");
    }

    [Fact]
    public async Task List_OwnRecords_AreUnaffectedByTheOtherTenant()
    {
        var page = await globex.Client.GetJsonAsync("/api/accounts");

        Assert.Equal(["Own customer"], page.Values("name"));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    private Guid ForeignId(string records) => records == "accounts" ? acmeAccount.Id() : acmeContact.Id();

    /// <summary>Same status, content type, title and detail: nothing tells a foreign record from a missing one.</summary>
    private static async Task AssertSameAnswerAsync(HttpResponseMessage expected, HttpResponseMessage actual, HttpStatusCode status)
    {
        var expectedProblem = await expected.ProblemAsync(status);
        var actualProblem = await actual.ProblemAsync(status);
        Assert.Equal(expected.Content.Headers.ContentType?.ToString(), actual.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            expectedProblem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"),
            actualProblem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }
}
