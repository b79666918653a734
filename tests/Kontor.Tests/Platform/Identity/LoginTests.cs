using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Identity;

public sealed class LoginTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Login_WithRightPassword_Returns200WithWorkingAccessAndRefreshToken()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");

        var tokens = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = admin.Email, password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Bearer", tokens.Str("tokenType"));
        Assert.Equal(3600, tokens.GetProperty("expiresIn").GetInt32());
        Assert.False(string.IsNullOrEmpty(tokens.Str("refreshToken")));
        await app.CreateBearerClient(tokens.Str("accessToken")).GetJsonAsync("/api/accounts");
    }

    [Fact]
    public async Task Login_WithEmailInOtherCase_Succeeds()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");

        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = admin.Email.ToUpperInvariant(), password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_WithWrongPassword_Returns401Problem()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");

        var problem = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = admin.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.False(problem.TryGetProperty("accessToken", out _));
        Assert.False(problem.TryGetProperty("twoFactorRequired", out _));
    }

    [Fact]
    public async Task Login_WithUnknownEmail_Returns401WithTheSameAnswerAsAWrongPassword()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");

        var wrongPassword = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = admin.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);
        var unknownEmail = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = app.NewEmail("nobody"), password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(WithoutTraceId(wrongPassword), WithoutTraceId(unknownEmail));
    }

    [Fact]
    public async Task Login_AsDeactivatedUserWithRightPassword_Returns401WithTheSameAnswer()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var leaver = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await app.SetActiveAsync(leaver, active: false);

        var wrongPassword = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = admin.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);
        var inactive = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = leaver.Email, password = KontorAppFactory.Password }).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(WithoutTraceId(wrongPassword), WithoutTraceId(inactive));
    }

    [Theory]
    [InlineData("{}", new[] { "email", "password" })]
    [InlineData("""{"email": "", "password": ""}""", new[] { "email", "password" })]
    [InlineData("""{"email": "admin@kontor.test"}""", new[] { "password" })]
    public async Task Login_WithMissingCredentials_Returns400NamingThem(string body, string[] fields)
    {
        await app.CreateClient().SendRawAsync(HttpMethod.Post, "/api/auth/login", body).ProblemAsync(HttpStatusCode.BadRequest, fields);
    }

    [Fact]
    public async Task Login_WithUnknownField_Returns400NamingIt()
    {
        await app.CreateClient().SendRawAsync(HttpMethod.Post, "/api/auth/login", """{"email": "a@b.example", "password": "x", "remember": true}""")
            .ProblemAsync(HttpStatusCode.BadRequest, "remember");
    }

    [Fact]
    public async Task Request_WithoutToken_Returns401Problem()
    {
        await app.CreateClient().FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
        await app.CreateClient().PostJsonAsync("/api/accounts", new { name = "Anonymous" }).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("kpat_garbage")]
    public async Task Request_WithUnknownToken_Returns401Problem(string token)
    {
        await app.CreateBearerClient(token).FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_FailedAttemptsBelowTheLimit_AreForgottenAfterASuccess()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var client = app.CreateClient();

        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                await client.PostJsonAsync("/api/auth/login", new { email = admin.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);
            }

            await client.PostJsonAsync("/api/auth/login", new { email = admin.Email, password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Login_AfterFiveFailedAttempts_Answers429WithRetryAfterEvenForTheRightPassword()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var client = app.CreateClient();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await client.PostJsonAsync("/api/auth/login", new { email = admin.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var fifth = await client.PostJsonAsync("/api/auth/login", new { email = admin.Email, password = "wrong password 123" });
        var sixth = await client.PostJsonAsync("/api/auth/login", new { email = admin.Email, password = KontorAppFactory.Password });

        Assert.NotEqual(HttpStatusCode.OK, fifth.StatusCode);
        await sixth.ProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = sixth.Headers.RetryAfter?.Delta ?? throw new InvalidOperationException("No Retry-After header.");
        Assert.InRange(retryAfter.TotalSeconds, 240, 300);
    }

    [Fact]
    public async Task Login_AfterLockout_IsLockedForFiveMinutesAndAcceptedAgainAfterwards()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var colleague = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var client = app.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostJsonAsync("/api/auth/login", new { email = colleague.Email, password = "wrong password 123" });
        }

        // Identity's lockout reads the system clock, so the lock's end is checked where it is stored.
        var lockoutEnd = await LockoutEndAsync(colleague);
        Assert.NotNull(lockoutEnd);
        Assert.InRange((lockoutEnd.Value - DateTimeOffset.UtcNow).TotalMinutes, 4, 5);
        await client.PostJsonAsync("/api/auth/login", new { email = admin.Email, password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);

        // Five minutes later (the lock's end moved into the past) the right password works again.
        await app.WithUserManagerAsync(colleague.TenantId, colleague.Id, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await client.PostJsonAsync("/api/auth/login", new { email = colleague.Email, password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);
        await client.PostJsonAsync("/api/auth/login", new { email = colleague.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    private Task<DateTimeOffset?> LockoutEndAsync(TestUser user) =>
        app.InTenantAsync(user.TenantId, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync(Api.Ct));

    private static string WithoutTraceId(JsonElement problem) =>
        string.Join(";", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
}
