using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Identity;

public sealed class ProfileTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_WithLoginBearer_DescribesTheSignedInUser()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep", "TeamLead");

        var profile = await user.Client.GetFromJsonAsync<JsonElement>("/api/profile", Ct);

        Assert.Equal(user.Id, profile.GetProperty("id").GetGuid());
        Assert.Equal(user.Email, profile.GetProperty("email").GetString());
        Assert.Equal(["SalesRep", "TeamLead"], profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(user.TenantId, profile.GetProperty("tenantId").GetGuid());
        Assert.StartsWith("Acme ", profile.GetProperty("tenantName").GetString(), StringComparison.Ordinal);
        Assert.Equal("en-GB", profile.GetProperty("culture").GetString());
        Assert.False(profile.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("tokenScope").ValueKind);
    }

    [Fact]
    public async Task Get_Anonymous_Returns401()
    {
        var response = await app.CreateClient().GetAsync("/api/profile", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Update_ChangesNameAndCulture()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");

        var response = await user.Client.PutAsJsonAsync("/api/profile", new { firstName = " Jörg ", lastName = "Müller", culture = "de-CH" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await user.Client.GetFromJsonAsync<JsonElement>("/api/profile", Ct);
        Assert.Equal("Jörg", profile.GetProperty("firstName").GetString());
        Assert.Equal("Jörg Müller", profile.GetProperty("displayName").GetString());
        Assert.Equal("de-CH", profile.GetProperty("culture").GetString());
    }

    [Fact]
    public async Task Update_WithUnsupportedCultureOrOverlongName_Returns400NamingTheField()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");

        var culture = await user.Client.PutAsJsonAsync("/api/profile", new { firstName = "A", lastName = "B", culture = "fr-FR" }, Ct);
        var name = await user.Client.PutAsJsonAsync("/api/profile", new { firstName = new string('a', 101), lastName = "B", culture = "de-DE" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, culture.StatusCode);
        Assert.True((await culture.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("culture", out _));
        Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
        Assert.True((await name.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("firstName", out _));
        var profile = await user.Client.GetFromJsonAsync<JsonElement>("/api/profile", Ct);
        Assert.Equal("en-GB", profile.GetProperty("culture").GetString());
    }

    [Fact]
    public async Task ChangePassword_WithWrongCurrentPassword_Returns400AndKeepsThePassword()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");

        var response = await user.Client.PostAsJsonAsync("/api/profile/password", new { currentPassword = "not-the-password", newPassword = "A-brand-new-password-1" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/profile", Ct)).StatusCode);
        await app.SignInAsync(user.Email);
    }

    [Fact]
    public async Task ChangePassword_WithTooShortNewPassword_Returns400NamingNewPassword()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");

        var response = await user.Client.PostAsJsonAsync("/api/profile/password", new { currentPassword = KontorAppFactory.Password, newPassword = "short" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("newPassword", out _));
    }

    [Fact]
    public async Task ChangePassword_Succeeds_EndsOldSessions_NewPasswordSignsIn()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        const string newPassword = "Another-Strong-Password-2026";

        var response = await user.Client.PostAsJsonAsync("/api/profile/password", new { currentPassword = KontorAppFactory.Password, newPassword }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await user.Client.GetAsync("/api/profile", Ct)).StatusCode);
        var oldPassword = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = KontorAppFactory.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        var signedIn = await app.SignInAsync(user.Email, newPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/profile", Ct)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WithPersonalAccessToken_Returns403()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var created = await user.Client.PostAsJsonAsync("/api/tokens", new { name = "Script", scope = "readWrite" }, Ct);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var response = await client.PostAsJsonAsync("/api/profile/password", new { currentPassword = KontorAppFactory.Password, newPassword = "Token-Chosen-Password-1" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await app.SignInAsync(user.Email);
    }
}
