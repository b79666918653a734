using System.Net;
using Kontor.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kontor.Tests.Platform.Identity;

public sealed class UiAuthEndpointsTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Theory]
    [InlineData("/accounts?sort=name", "/accounts?sort=name")]
    [InlineData("/", "/")]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("/x%0d%0aSet-Cookie:%20a=b", "/")]
    [InlineData("/%7F", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("", "/")]
    public async Task Culture_RedirectsOnlyToLocalUrls_NeverFailsOnAForeignOne(string returnUrl, string expected)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync($"/culture?culture=de-DE&returnUrl={returnUrl}", Api.Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("de-DE", StringComparison.Ordinal));
    }
}
