using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Http;

/// <summary>Malformed input never produces a 500: always a 4xx problem naming the field to blame.</summary>
public sealed class BadInputTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>, IAsyncLifetime
{
    private static readonly string[] Lists = ["/api/accounts", "/api/contacts", "/api/accounts/deleted", "/api/contacts/deleted"];

    private TestUser rep = null!;
    private JsonElement account;
    private JsonElement contact;

    public async ValueTask InitializeAsync()
    {
        rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        account = await rep.Client.CreateAccountAsync("Acme");
        contact = await rep.Client.CreateContactAsync("Kowalski", account.Id());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("""{"name": "Acme" """)]
    [InlineData("not json at all")]
    [InlineData("""{"name": 'Acme'}""")]
    [InlineData("""{"name": "Acme",}""")]
    public async Task Create_MalformedJson_Returns400NamingTheBody(string body)
    {
        var problem = await rep.Client.SendRawAsync(HttpMethod.Post, "/api/accounts", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), $"No field is named: {problem}");
    }

    [Theory]
    [InlineData("/api/accounts", "[]")]
    [InlineData("/api/accounts", "\"Acme\"")]
    [InlineData("/api/accounts", "null")]
    [InlineData("/api/contacts", "42")]
    public async Task Create_BodyThatIsNoObject_Returns400(string url, string body)
    {
        await rep.Client.SendRawAsync(HttpMethod.Post, url, body).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_EmptyBody_Returns400()
    {
        await rep.Client.SendRawAsync(HttpMethod.Post, "/api/accounts", "").ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_BodyAsPlainText_Returns415()
    {
        await rep.Client.SendRawAsync(HttpMethod.Post, "/api/accounts", "name=Acme", contentType: "text/plain").ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/accounts", """{"name": 5}""", "name")]
    [InlineData("/api/accounts", """{"name": "Acme", "billingAddress": "Berlin"}""", "billingAddress")]
    [InlineData("/api/accounts", """{"name": "Acme", "billingAddress": {"city": 12}}""", "billingAddress.city")]
    [InlineData("/api/accounts", """{"name": "Acme", "ownerId": "somebody"}""", "ownerId")]
    [InlineData("/api/accounts", """{"name": "Acme", "parentAccountId": 1e999}""", "parentAccountId")]
    [InlineData("/api/accounts", """{"name": "Acme", "insideSalesTeamId": true}""", "insideSalesTeamId")]
    [InlineData("/api/contacts", """{"lastName": "Kowalski", "salutation": "Dr"}""", "salutation")]
    [InlineData("/api/contacts", """{"lastName": "Kowalski", "salutation": 2}""", "salutation")]
    [InlineData("/api/contacts", """{"lastName": {"value": "Kowalski"}}""", "lastName")]
    [InlineData("/api/contacts", """{"lastName": "Kowalski", "accountId": "00000000-0000"}""", "accountId")]
    public async Task Create_WrongType_Returns400NamingField(string url, string body, string field)
    {
        await rep.Client.SendRawAsync(HttpMethod.Post, url, body).ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/accounts", """{"name": "Acme", "nmae": "Acme"}""", "nmae")]
    [InlineData("/api/accounts", """{"name": "Acme", "billingAddress": {"town": "Köln"}}""", "billingAddress.town")]
    [InlineData("/api/accounts", """{"name": "Acme", "id": "01a2042e-2a71-7867-97fb-6772f32fb9a5"}""", "id")]
    [InlineData("/api/contacts", """{"lastName": "Kowalski", "birthday": "1980-01-01"}""", "birthday")]
    public async Task Create_UnknownField_Returns400NamingIt(string url, string body, string field)
    {
        var problem = await rep.Client.SendRawAsync(HttpMethod.Post, url, body).ProblemAsync(HttpStatusCode.BadRequest, field);

        Assert.Contains("not known", problem.ErrorOf(field), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name", 200)]
    [InlineData("industry", 100)]
    [InlineData("segment", 100)]
    [InlineData("description", 4000)]
    public async Task Create_AccountTextLongerThanAllowed_Returns400NamingField(string field, int maxChars)
    {
        var fits = new Dictionary<string, object> { ["name"] = "Acme", [field] = new string('x', maxChars) };
        var tooLong = new Dictionary<string, object> { ["name"] = "Acme", [field] = new string('x', maxChars + 1) };

        await rep.Client.PostJsonAsync("/api/accounts?allowDuplicates=true", fits).ExpectAsync(HttpStatusCode.Created);
        var problem = await rep.Client.PostJsonAsync("/api/accounts", tooLong).ProblemAsync(HttpStatusCode.BadRequest, field);

        Assert.Contains(maxChars.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.ErrorOf(field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AddressPartLongerThanAllowed_Returns400NamingNestedField()
    {
        await rep.Client.PostJsonAsync("/api/accounts", new { name = "Acme", shippingAddress = new { street = new string('x', 201), city = new string('x', 101) } })
            .ProblemAsync(HttpStatusCode.BadRequest, "shippingAddress.street", "shippingAddress.city");
    }

    [Theory]
    [InlineData("lastName", 100)]
    [InlineData("firstName", 100)]
    [InlineData("jobTitle", 150)]
    [InlineData("description", 4000)]
    public async Task Create_ContactTextLongerThanAllowed_Returns400NamingField(string field, int maxChars)
    {
        var tooLong = new Dictionary<string, object> { ["lastName"] = "Kowalski", [field] = new string('x', maxChars + 1) };

        await rep.Client.PostJsonAsync("/api/contacts", tooLong).ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Create_HugeText_Returns400NamingFieldAndStoresNothing()
    {
        await rep.Client.PostJsonAsync("/api/accounts", new { name = "Huge", description = new string('x', 500_000) }).ProblemAsync(HttpStatusCode.BadRequest, "description");

        Assert.Empty((await rep.Client.GetJsonAsync("/api/accounts?search=huge")).Ids());
    }

    [Fact]
    public async Task Create_NestedDeeperThanAllowed_Returns400()
    {
        var deep = new string('[', 100) + new string(']', 100);

        await rep.Client.SendRawAsync(HttpMethod.Post, "/api/accounts", $$"""{"name": "Acme", "description": {{deep}}}""").ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_NullAddress_IsReadAsNoAddress()
    {
        var created = await rep.Client.SendRawAsync(HttpMethod.Post, "/api/accounts", """{"name": "No address", "billingAddress": null}""").ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(JsonValueKind.Null, created.GetProperty("billingAddress").GetProperty("city").ValueKind);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"Acme\"")]
    [InlineData("null")]
    [InlineData("""{"name": """)]
    public async Task Patch_BodyThatIsNoJsonObject_Returns400(string body)
    {
        await rep.Client.SendRawAsync(HttpMethod.Patch, $"/api/accounts/{account.Id()}", body, "*", "application/merge-patch+json").ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("201")]
    [InlineData("2147483647")]
    [InlineData("99999999999")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public async Task List_WithLimitOutOfRange_Returns400NamingLimit(string limit)
    {
        foreach (var list in Lists)
        {
            await rep.Client.FetchAsync($"{list}?limit={limit}").ProblemAsync(HttpStatusCode.BadRequest, "limit");
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("!!!")]
    [InlineData("bnVsbA")]
    [InlineData("e30")]
    public async Task List_WithCursorThatIsNoCursor_Returns400NamingCursor(string cursor)
    {
        foreach (var list in Lists)
        {
            await rep.Client.FetchAsync($"{list}?cursor={Uri.EscapeDataString(cursor)}").ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        }
    }

    [Fact]
    public async Task List_WithVeryLongCursor_Returns400NamingCursor()
    {
        await rep.Client.FetchAsync($"/api/accounts?cursor={new string('A', 5000)}").ProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task List_WithCursorOfAnotherSort_Returns400NamingCursor()
    {
        await rep.Client.CreateAccountAsync("Second");
        var byName = await rep.Client.GetJsonAsync("/api/accounts?limit=1&sort=name");

        await rep.Client.FetchAsync($"/api/accounts?limit=1&sort=-createdAt&cursor={byName.Str("nextCursor")}").ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await rep.Client.FetchAsync($"/api/accounts?limit=1&sort=-name&cursor={byName.Str("nextCursor")}").ProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory]
    [InlineData("createdAt", "yesterday")]
    [InlineData("createdAt", "99999999999999999999999")]
    [InlineData("-updatedAt", "9000000000000000000")]
    [InlineData("createdAt", "-5")]
    public async Task List_WithCursorCarryingAValueOfTheWrongKind_Returns400NamingCursor(string sort, string value)
    {
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { Sort = sort, Value = value, Id = Guid.NewGuid() })));

        await rep.Client.FetchAsync($"/api/accounts?sort={sort}&cursor={cursor}").ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await rep.Client.FetchAsync($"/api/contacts?sort={sort}&cursor={cursor}").ProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory]
    [InlineData("/api/accounts", "created")]
    [InlineData("/api/accounts", "Name")]
    [InlineData("/api/accounts", "name desc")]
    [InlineData("/api/contacts", "--name")]
    [InlineData("/api/accounts/deleted", "-name")]
    [InlineData("/api/contacts/deleted", "deletedAt")]
    public async Task List_WithUnknownSort_Returns400NamingSortAndTheOfferedOnes(string list, string sort)
    {
        var problem = await rep.Client.FetchAsync($"{list}?sort={Uri.EscapeDataString(sort)}").ProblemAsync(HttpStatusCode.BadRequest, "sort");

        Assert.Contains("name", problem.ErrorOf("sort"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/accounts?parent=holding", "parent")]
    [InlineData("/api/accounts?team=42", "team")]
    [InlineData("/api/contacts?account=acme", "account")]
    [InlineData("/api/accounts?owner=somebody", "owner")]
    [InlineData("/api/contacts?owner=00000000-0000", "owner")]
    public async Task List_WithInvalidIdInQuery_Returns400NamingTheParameter(string url, string field)
    {
        await rep.Client.FetchAsync(url).ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/accounts?country=XX", "country")]
    [InlineData("/api/accounts?country=Germany", "country")]
    [InlineData("/api/contacts?country=D", "country")]
    public async Task List_WithInvalidCountry_Returns400NamingCountry(string url, string field)
    {
        await rep.Client.FetchAsync(url).ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task List_WithOverlongSearchAndSegment_Returns400NamingBoth()
    {
        await rep.Client.FetchAsync($"/api/accounts?search={new string('x', 101)}&segment={new string('y', 101)}").ProblemAsync(HttpStatusCode.BadRequest, "search", "segment");
        await rep.Client.FetchAsync($"/api/contacts?search={new string('x', 101)}").ProblemAsync(HttpStatusCode.BadRequest, "search");
    }

    [Theory]
    [InlineData("/api/accounts", """{"name": "Ac\u0000me"}""", "name")]
    [InlineData("/api/accounts", """{"name": "Acme", "billingAddress": {"city": "K\u0000ln"}}""", "billingAddress.city")]
    [InlineData("/api/contacts", """{"lastName": "Kowalski", "jobTitle": "\u0000"}""", "jobTitle")]
    public async Task Create_TextWithNulCharacter_Returns400NamingField(string url, string body, string field)
    {
        await rep.Client.SendRawAsync(HttpMethod.Post, url, body).ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/accounts?search=a%00b", "search")]
    [InlineData("/api/contacts?search=%00", "search")]
    [InlineData("/api/accounts?segment=%00", "segment")]
    public async Task List_WithNulCharacter_Returns400NamingParameter(string url, string field)
    {
        await rep.Client.FetchAsync(url).ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Login_WithNulCharacter_Returns400NamingFields()
    {
        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = "a\u0000b@kontor.test", password = "pass\u0000word" })
            .ProblemAsync(HttpStatusCode.BadRequest, "email", "password");
    }

    [Theory]
    [InlineData("%25%25%25")]
    [InlineData("'%3B%20DROP%20TABLE%20Accounts%3B%20--")]
    [InlineData("%F0%9F%98%80")]
    public async Task List_WithOddSearchText_AnswersNormally(string search)
    {
        await rep.Client.GetJsonAsync($"/api/accounts?search={search}");
        await rep.Client.GetJsonAsync($"/api/contacts?search={search}");
        Assert.Equal([account.Id()], (await rep.Client.GetJsonAsync("/api/accounts")).Ids());
    }

    [Theory]
    [InlineData("GET", "/api/accounts/not-a-guid")]
    [InlineData("GET", "/api/contacts/12345")]
    [InlineData("PATCH", "/api/accounts/not-a-guid")]
    [InlineData("DELETE", "/api/contacts/not-a-guid")]
    [InlineData("POST", "/api/accounts/not-a-guid/restore")]
    [InlineData("GET", "/api/accounts/00000000-0000-0000-0000-000000000000")]
    public async Task Request_WithInvalidIdInRoute_Returns404Problem(string method, string url)
    {
        await rep.Client.SendRawAsync(new HttpMethod(method), url, method == "PATCH" ? "{}" : null, "*").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_ContactWithMalformedJson_Returns400AndChangesNothing()
    {
        await rep.Client.SendRawAsync(HttpMethod.Patch, $"/api/contacts/{contact.Id()}", """{"jobTitle": "CFO" """, "*").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(JsonValueKind.Null, (await rep.Client.GetJsonAsync($"/api/contacts/{contact.Id()}")).GetProperty("jobTitle").ValueKind);
    }
}
