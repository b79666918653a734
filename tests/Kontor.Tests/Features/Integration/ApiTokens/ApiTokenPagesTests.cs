using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kontor.Tests.Infrastructure;
using Kontor.Tests.Platform.Administration;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Integration.ApiTokens;

public sealed partial class ApiTokenPagesTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TokenPages_ShowWhenATokenWasLastUsedInTheUsersTimeZone()
    {
        var admin = await app.CreateTenantWithUserAsync("Tokyo");
        var site = await admin.CreateSiteAsync("Tokyo office", "JP", "Asia/Tokyo");
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PatchAsync($"/api/users/{admin.Id}", new { siteId = site }, "*")).StatusCode);
        var created = await admin.Client.PostAsJsonAsync("/api/tokens", new { name = "Nightly export", scope = "read" }, Ct);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBearerClient(secret).GetAsync("/api/accounts", Ct)).StatusCode);
        var lastUsed = await app.InTenantAsync(admin.TenantId, db => db.PersonalAccessTokens.Select(t => t.LastUsedAt).SingleAsync(Ct));
        var britishFormat = CultureInfo.GetCultureInfo("en-GB");
        var inTokyo = TimeZoneInfo.ConvertTime(lastUsed!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ToString("g", britishFormat);
        var inUtc = lastUsed.Value.UtcDateTime.ToString("g", britishFormat);
        var browser = await SignedInBrowserAsync(admin.Email);

        foreach (var path in new[] { "/profile/api-tokens", "/admin/api-tokens" })
        {
            var html = WebUtility.HtmlDecode(await browser.GetStringAsync(path, Ct));

            Assert.Contains("Nightly export", html, StringComparison.Ordinal);
            Assert.Contains(inTokyo, html, StringComparison.Ordinal);
            Assert.DoesNotContain(inUtc, html, StringComparison.Ordinal);
            Assert.DoesNotContain("(UTC)", html, StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync("/signin", Ct);
        var token = AntiforgeryPattern().Match(page);
        Assert.True(token.Success, "No antiforgery token on the sign-in page.");
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = KontorAppFactory.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "signin",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
