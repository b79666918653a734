using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Integration.ApiTokens;

public sealed class ApiTokenTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithLoginBearer_Returns201WithSecretOnce_ListShowsHintOnly()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");

        var response = await user.Client.PostAsJsonAsync("/api/tokens", new { name = "Nightly export", scope = "readWrite" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith(PersonalAccessToken.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(secret[^4..], created.GetProperty("hint").GetString());
        Assert.Equal("ReadWrite", created.GetProperty("scope").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("expiresAt").ValueKind);

        var listBody = await user.Client.GetStringAsync("/api/tokens", Ct);
        var item = Assert.Single(JsonDocument.Parse(listBody).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("Nightly export", item.GetProperty("name").GetString());
        Assert.Equal(secret[^4..], item.GetProperty("hint").GetString());
        Assert.Equal("Active", item.GetProperty("status").GetString());
        Assert.Equal(user.Email, item.GetProperty("owner").GetProperty("email").GetString());
        Assert.DoesNotContain(secret, listBody, StringComparison.Ordinal);
        Assert.DoesNotContain(PersonalAccessToken.Hash(secret), listBody, StringComparison.Ordinal);
        Assert.False(item.TryGetProperty("secret", out _));

        var single = await user.Client.GetFromJsonAsync<JsonElement>(response.Headers.Location, Ct);
        Assert.Equal(created.GetProperty("id").GetGuid(), single.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Create_StoresOnlyTheHashOfTheSecret()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var (id, secret) = await CreateTokenAsync(user.Client, "readWrite");

        PersonalAccessToken? stored = null;
        await app.InTenantAsync(user.TenantId, async db => stored = await db.PersonalAccessTokens.SingleAsync(t => t.Id == id, Ct));

        Assert.NotNull(stored);
        Assert.NotEqual(secret, stored.SecretHash);
        Assert.DoesNotContain(secret[PersonalAccessToken.Prefix.Length..], stored.SecretHash, StringComparison.Ordinal);
        Assert.Equal(PersonalAccessToken.Hash(secret), stored.SecretHash);
        Assert.Equal(64, stored.SecretHash.Length);
    }

    [Fact]
    public async Task Secret_AsBearer_AuthenticatesAsOwnerWithItsScope()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var (id, secret) = await CreateTokenAsync(user.Client, "readWrite");

        var profile = await TokenClient(secret).GetFromJsonAsync<JsonElement>("/api/profile", Ct);

        Assert.Equal(user.Id, profile.GetProperty("id").GetGuid());
        Assert.Equal(id, profile.GetProperty("tokenId").GetGuid());
        Assert.Equal("ReadWrite", profile.GetProperty("tokenScope").GetString());
        var listed = await user.Client.GetFromJsonAsync<JsonElement>($"/api/tokens/{id}", Ct);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task ReadScopeToken_CanRead_CannotWrite()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var (id, secret) = await CreateTokenAsync(user.Client, "read");
        var client = TokenClient(secret);

        var read = await client.GetAsync("/api/accounts", Ct);
        var write = await client.PostAsJsonAsync("/api/accounts", new { name = "Should not exist" }, Ct);
        var revokeItself = await client.DeleteAsync($"/api/tokens/{id}", Ct);
        var profile = await client.PutAsJsonAsync("/api/profile", new { firstName = "X", lastName = "Y", culture = "de-DE" }, Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revokeItself.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, profile.StatusCode);
    }

    [Fact]
    public async Task PersonalAccessToken_CannotCreateTokens()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "Admin");
        var (_, secret) = await CreateTokenAsync(user.Client, "readWrite");

        var response = await TokenClient(secret).PostAsJsonAsync("/api/tokens", new { name = "Offspring", scope = "readWrite" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var tokens = await user.Client.GetFromJsonAsync<JsonElement>("/api/tokens", Ct);
        Assert.Equal(1, tokens.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Revoke_OwnToken_StopsItAtOnce_AndIsIdempotent()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var (id, secret) = await CreateTokenAsync(user.Client, "readWrite");
        var client = TokenClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/profile", Ct)).StatusCode);

        var first = await user.Client.DeleteAsync($"/api/tokens/{id}", Ct);
        var second = await user.Client.DeleteAsync($"/api/tokens/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/profile", Ct)).StatusCode);
        var listed = await user.Client.GetFromJsonAsync<JsonElement>($"/api/tokens/{id}", Ct);
        Assert.Equal("Revoked", listed.GetProperty("status").GetString());
        var active = await user.Client.GetFromJsonAsync<JsonElement>("/api/tokens?status=active", Ct);
        Assert.Empty(active.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ExpiredToken_Returns401_AndIsListedAsExpired()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var now = DateTimeOffset.UtcNow;
        var (token, secret) = PersonalAccessToken.Issue(user.Id, "Old script", TokenScope.ReadWrite, now.AddDays(-40), now.AddDays(-10));
        await app.InTenantAsync(user.TenantId, async db =>
        {
            db.PersonalAccessTokens.Add(token);
            await db.SaveChangesAsync(Ct);
        });

        var response = await TokenClient(secret).GetAsync("/api/profile", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var expired = await user.Client.GetFromJsonAsync<JsonElement>("/api/tokens?status=expired", Ct);
        Assert.Equal(token.Id, Assert.Single(expired.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Create_WithExpiryDate_IsValidThroughThatDayUtc()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

        var response = await user.Client.PostAsJsonAsync("/api/tokens", new { name = "Month", scope = "read", expiresOn = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), created.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("Read", created.GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("", "read", null, "name")]
    [InlineData("   ", "read", null, "name")]
    [InlineData("x", "read", 0, "expiresOn")]
    [InlineData("x", "read", -3, "expiresOn")]
    [InlineData("x", "read", 400, "expiresOn")]
    public async Task Create_WithInvalidInput_Returns400NamingTheField(string name, string scope, int? expiresInDays, string field)
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var expiresOn = expiresInDays is { } days ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

        var response = await user.Client.PostAsJsonAsync("/api/tokens", new { name, scope, expiresOn }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
    }

    [Fact]
    public async Task Create_WithOverlongNameOrUnknownScope_Returns400()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");

        var longName = await user.Client.PostAsJsonAsync("/api/tokens", new { name = new string('n', 101), scope = "read" }, Ct);
        var maxName = await user.Client.PostAsJsonAsync("/api/tokens", new { name = new string('n', 100), scope = "read" }, Ct);
        var badScope = await user.Client.PostAsJsonAsync("/api/tokens", new { name = "x", scope = "admin" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Equal(HttpStatusCode.Created, maxName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
    }

    [Fact]
    public async Task OtherUsersToken_IsNotFoundForNonAdmin_AndTenantListIsForbidden()
    {
        var owner = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var colleague = await app.CreateUserAsync(owner.TenantId, ["SalesRep"]);
        var (id, secret) = await CreateTokenAsync(owner.Client, "readWrite");

        var get = await colleague.Client.GetAsync($"/api/tokens/{id}", Ct);
        var revoke = await colleague.Client.DeleteAsync($"/api/tokens/{id}", Ct);
        var adminList = await colleague.Client.GetAsync("/api/admin/tokens", Ct);
        var adminRevoke = await colleague.Client.DeleteAsync($"/api/admin/tokens/{id}", Ct);
        var ownList = await colleague.Client.GetFromJsonAsync<JsonElement>("/api/tokens", Ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminRevoke.StatusCode);
        Assert.Empty(ownList.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await TokenClient(secret).GetAsync("/api/profile", Ct)).StatusCode);
    }

    [Fact]
    public async Task Admin_ListsTokensOfTenantWithOwners_AndRevokesThem()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", "Admin");
        var rep = await app.CreateUserAsync(admin.TenantId, ["SalesRep"]);
        var (repTokenId, repSecret) = await CreateTokenAsync(rep.Client, "readWrite");
        await CreateTokenAsync(admin.Client, "read");

        var all = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/tokens", Ct);
        var ofRep = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/tokens?owner={rep.Id}", Ct);
        var adminOwn = await admin.Client.GetFromJsonAsync<JsonElement>("/api/tokens", Ct);
        var revoke = await admin.Client.DeleteAsync($"/api/admin/tokens/{repTokenId}", Ct);

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var repToken = Assert.Single(ofRep.GetProperty("items").EnumerateArray());
        Assert.Equal(repTokenId, repToken.GetProperty("id").GetGuid());
        Assert.Equal(rep.Email, repToken.GetProperty("owner").GetProperty("email").GetString());
        Assert.Equal(rep.Id, repToken.GetProperty("owner").GetProperty("id").GetGuid());
        Assert.Equal(1, adminOwn.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenClient(repSecret).GetAsync("/api/profile", Ct)).StatusCode);
    }

    [Fact]
    public async Task TokensOfAnotherTenant_AreInvisibleEvenToItsAdmin()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme", "Admin");
        var globex = await app.CreateTenantWithUserAsync("Globex", "Admin");
        var (acmeTokenId, acmeSecret) = await CreateTokenAsync(acme.Client, "readWrite");

        var list = await globex.Client.GetFromJsonAsync<JsonElement>("/api/admin/tokens", Ct);
        var get = await globex.Client.GetAsync($"/api/tokens/{acmeTokenId}", Ct);
        var revoke = await globex.Client.DeleteAsync($"/api/admin/tokens/{acmeTokenId}", Ct);
        var ofAcmeUser = await globex.Client.GetFromJsonAsync<JsonElement>($"/api/admin/tokens?owner={acme.Id}", Ct);

        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == acmeTokenId);
        Assert.Empty(ofAcmeUser.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenClient(acmeSecret).GetAsync("/api/profile", Ct)).StatusCode);
    }

    [Fact]
    public async Task DeactivatedUser_TokenStopsWorking()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var (_, secret) = await CreateTokenAsync(user.Client, "readWrite");

        await app.InTenantAsync(user.TenantId, async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id, Ct);
            stored.IsActive = false;
            await db.SaveChangesAsync(Ct);
        });

        var response = await TokenClient(secret).GetAsync("/api/profile", Ct);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task List_WithUnknownStatus_Returns400()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");

        var response = await user.Client.GetAsync("/api/tokens?status=5", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task List_PagesWithCursor()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        for (var i = 0; i < 3; i++)
        {
            await CreateTokenAsync(user.Client, "read", $"Token {i}");
        }

        var first = await user.Client.GetFromJsonAsync<JsonElement>("/api/tokens?limit=2&sort=name", Ct);
        var next = first.GetProperty("nextCursor").GetString();
        var second = await user.Client.GetFromJsonAsync<JsonElement>($"/api/tokens?limit=2&sort=name&cursor={next}", Ct);

        Assert.Equal(["Token 0", "Token 1"], first.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["Token 2"], second.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    private static async Task<(Guid Id, string Secret)> CreateTokenAsync(HttpClient client, string scope, string name = "Script")
    {
        var response = await client.PostAsJsonAsync("/api/tokens", new { name, scope }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    private HttpClient TokenClient(string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
