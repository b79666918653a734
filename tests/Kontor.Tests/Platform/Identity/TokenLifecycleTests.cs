using System.Net;
using System.Text.RegularExpressions;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Identity;

public sealed partial class TokenLifecycleTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Refresh_WithRefreshToken_ReturnsNewWorkingTokens()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var tokens = await LoginAsync(user);

        var refreshed = await app.CreateClient().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }).ExpectAsync(HttpStatusCode.OK);

        Assert.NotEqual(tokens.AccessToken, refreshed.Str("accessToken"));
        Assert.False(string.IsNullOrEmpty(refreshed.Str("refreshToken")));
        await app.CreateBearerClient(refreshed.Str("accessToken")).GetJsonAsync("/api/accounts");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    public async Task Refresh_WithInvalidRefreshToken_Returns401(string refreshToken)
    {
        var response = await app.CreateClient().PostJsonAsync("/api/auth/refresh", new { refreshToken });

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"Got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Refresh_WithAccessTokenInsteadOfRefreshToken_Returns401()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var tokens = await LoginAsync(user);

        await app.CreateClient().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.AccessToken }).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_OfDeactivatedUser_StopsWorkingAndCannotBeRefreshed()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var user = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var tokens = await LoginAsync(user);
        await user.Client.GetJsonAsync("/api/accounts");

        await app.SetActiveAsync(user, active: false);

        await user.Client.FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
        await app.CreateClient().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }).ProblemAsync(HttpStatusCode.Unauthorized);
        await admin.Client.GetJsonAsync("/api/accounts");
    }

    [Fact]
    public async Task Token_IssuedBeforeAPasswordReset_StopsWorkingAndCannotBeRefreshed()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var tokens = await LoginAsync(user);
        const string newPassword = "A-New-Password-2026";

        Assert.True(await app.WithServicesAsync(services => services.GetRequiredService<UserDirectory>().ResetPasswordAsync(user.Email, newPassword, Api.Ct)));

        await user.Client.FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
        await app.CreateBearerClient(tokens.AccessToken).FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
        await app.CreateClient().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }).ProblemAsync(HttpStatusCode.Unauthorized);
        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = user.Email, password = KontorAppFactory.Password }).ProblemAsync(HttpStatusCode.Unauthorized);
        var fresh = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = user.Email, password = newPassword }).ExpectAsync(HttpStatusCode.OK);
        await app.CreateBearerClient(fresh.Str("accessToken")).GetJsonAsync("/api/accounts");
    }

    [Fact]
    public async Task Api_WithTheWebUiSessionCookie_Returns401()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // Sign in through the web UI's form, as a browser does.
        var form = await browser.GetStringAsync("/signin", Api.Ct);
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "The sign-in form has no antiforgery field.");
        var signedIn = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = antiforgery.Groups["value"].Value,
            ["Input.Email"] = user.Email,
            ["Input.Password"] = KontorAppFactory.Password,
        }), Api.Ct);
        Assert.Contains(signedIn.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("kontor.session=", StringComparison.Ordinal));

        await browser.FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
        await browser.PostJsonAsync("/api/accounts", new { name = "Cross-site" }).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty((await user.Client.GetJsonAsync("/api/accounts")).Ids());
    }

    private async Task<KontorAppFactory.TokenResponse> LoginAsync(TestUser user)
    {
        var tokens = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = user.Email, password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);
        return new KontorAppFactory.TokenResponse(tokens.Str("tokenType"), tokens.Str("accessToken"), tokens.GetProperty("expiresIn").GetInt64(), tokens.Str("refreshToken"));
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)" """)]
    private static partial Regex AntiforgeryField();
}
