using System.Net;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Identity;

public sealed class SignInRateLimitTests(SignInRateLimitTests.ThreePerMinute app) : IClassFixture<SignInRateLimitTests.ThreePerMinute>
{
    [Fact]
    public async Task Login_BeyondTheLimitPerMinute_Answers429WithRetryAfter()
    {
        // Creating the user signs in once: the first of the three allowed requests.
        var user = await app.CreateTenantWithUserAsync("Acme");
        var client = app.CreateClient();
        await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);
        await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);

        var limited = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = KontorAppFactory.Password });

        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = "anything" }).ProblemAsync(HttpStatusCode.TooManyRequests);
        await user.Client.GetJsonAsync("/api/accounts");
    }

    /// <summary>Allows three sign-in requests per minute.</summary>
    public sealed class ThreePerMinute : KontorAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Kontor:RateLimits:SignInPerMinute"] = "3" };
    }
}
