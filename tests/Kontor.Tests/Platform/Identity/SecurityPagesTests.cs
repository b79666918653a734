using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kontor.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using OtpNet;

namespace Kontor.Tests.Platform.Identity;

/// <summary>
/// The server-rendered security forms change the security stamp, which ends every session; these tests drive
/// them like a browser (cookie, antiforgery token) and check the user stays signed in afterwards.
/// </summary>
public sealed partial class SecurityPagesTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangePassword_InTheBrowser_KeepsTheUserSignedIn()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var browser = await SignedInBrowserAsync(user.Email);
        const string newPassword = "Browser-Chosen-Password-7";

        var response = await SubmitAsync(browser, "/profile/security", "change-password", new()
        {
            ["Input.CurrentPassword"] = KontorAppFactory.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/profile/security?done=password", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var after = await browser.GetAsync("/profile/security", Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Change password", await after.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = newPassword }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WithWrongCurrentPassword_ShowsTheErrorAndChangesNothing()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var browser = await SignedInBrowserAsync(user.Email);

        var response = await SubmitAsync(browser, "/profile/security", "change-password", new()
        {
            ["Input.CurrentPassword"] = "not-my-password",
            ["Input.NewPassword"] = "Whatever-Password-123",
            ["Input.ConfirmPassword"] = "Whatever-Password-123",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The password is wrong.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not-my-password", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = KontorAppFactory.Password }, Ct)).StatusCode);
    }

    [Fact]
    public async Task EnableMfa_InTheBrowser_ShowsRecoveryCodesOnce_AndKeepsTheUserSignedIn()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var browser = await SignedInBrowserAsync(user.Email);

        var setup = await browser.GetAsync("/profile/security/authenticator", Ct);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var setupHtml = await setup.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<svg", setupHtml, StringComparison.Ordinal);
        var key = KeyPattern().Match(setupHtml).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);

        // Storing the key changed the stamp; the renewed cookie must carry the next request.
        var response = await SubmitAsync(browser, "/profile/security/authenticator", "enable-mfa", new()
        {
            ["Input.Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(10, CodePattern().Matches(html).Count);
        var security = await browser.GetAsync("/profile/security", Ct);
        Assert.Equal(HttpStatusCode.OK, security.StatusCode);
        Assert.Contains("Unused recovery codes: 10", await security.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = KontorAppFactory.Password }, Ct);
        Assert.True((await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("twoFactorRequired").GetBoolean());
    }

    [Fact]
    public async Task SecurityPage_SignedOut_RedirectsToSignIn()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/profile/security", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityPage_InGerman_SpeaksGerman()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        await user.Client.PutAsJsonAsync("/api/profile", new { firstName = "Jörg", lastName = "Müller", culture = "de-DE" }, Ct);

        // Signing in sets the culture cookie from the user's profile.
        var browser = await SignedInBrowserAsync(user.Email);

        var html = await browser.GetStringAsync("/profile/security", Ct);

        Assert.Contains("Passwort ändern", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Zwei-Faktor-Anmeldung", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileAndTokenPages_RenderForTheSignedInUser()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", "Admin");
        var rep = await app.CreateUserAsync(admin.TenantId, ["SalesRep"]);
        Assert.Equal(HttpStatusCode.Created, (await rep.Client.PostAsJsonAsync("/api/tokens", new { name = "Rep's export", scope = "read" }, Ct)).StatusCode);
        var adminBrowser = await SignedInBrowserAsync(admin.Email);
        var repBrowser = await SignedInBrowserAsync(rep.Email);

        var profile = WebUtility.HtmlDecode(await repBrowser.GetStringAsync("/profile", Ct));
        var own = WebUtility.HtmlDecode(await repBrowser.GetStringAsync("/profile/api-tokens", Ct));
        var tenantWide = WebUtility.HtmlDecode(await adminBrowser.GetStringAsync("/admin/api-tokens", Ct));
        var forbidden = await repBrowser.GetAsync("/admin/api-tokens", Ct);

        Assert.Contains("English (United Kingdom)", profile, StringComparison.Ordinal);
        Assert.Contains("Rep's export", own, StringComparison.Ordinal);
        Assert.Contains("Rep's export", tenantWide, StringComparison.Ordinal);
        Assert.Contains(rep.Email, tenantWide, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("access-denied", forbidden.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/accounts?x=/profile")]
    [InlineData("/?next=/profile/security")]
    public async Task MustEnrol_AnyPageOutsideTheProfile_SendsTheUserToTheSecurityPage(string url)
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        await app.WithUserManagerAsync(user.TenantId, user.Id, async (users, stored) =>
        {
            stored.MfaRequired = true;
            return await users.UpdateAsync(stored);
        });
        var browser = await SignedInBrowserAsync(user.Email);

        var elsewhere = await browser.GetAsync(url, Ct);
        var profile = await browser.GetAsync("/profile", Ct);
        var security = await browser.GetAsync("/profile/security", Ct);

        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.EndsWith("/profile/security", elsewhere.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, security.StatusCode);
        Assert.Contains("Set up authenticator app", await security.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SubmitAsync(browser, "/signin", "signin", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = KontorAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Loads the page, then posts its form with the antiforgery token like a browser would.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path, Ct);
        var token = AntiforgeryPattern().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}: {page}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        fields["_handler"] = formName;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("<code id=\"authenticator-key\">([^<]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>[0-9A-Z]{5}-[0-9A-Z]{5}</code></li>")]
    private static partial Regex CodePattern();
}
