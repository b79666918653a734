using System.Net;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales.Leads;

/// <summary>The public endpoint is rate-limited per client address and form key.</summary>
public sealed class WebToLeadRateLimitTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Post_MoreThanTheLimit_Answers429WithRetryAfter_OtherFormsUnaffected()
    {
        var admin = await app.CreateTenantWithUserAsync("Rate limit");
        var other = await app.CreateTenantWithUserAsync("Rate limit other");
        var key = await admin.Client.FormKeyAsync();
        using var anonymous = app.CreateClient();
        var body = new { lastName = "Flut", email = "flut@example.com", consent = true };
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostJsonAsync($"/api/public/leads/{key}", body).ExpectAsync(HttpStatusCode.Accepted);
        }

        var refused = await anonymous.PostJsonAsync($"/api/public/leads/{key}", body);

        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await anonymous.PostJsonAsync($"/api/public/leads/{await other.Client.FormKeyAsync()}", body).ExpectAsync(HttpStatusCode.Accepted);
    }
}
