using System.Net;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Kontor.Tests.Platform.Identity;

public sealed class MfaLoginTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private const string WrongPassword = "wrong password 123";

    [Fact]
    public async Task Login_WithMfaAndNoCode_Returns401SayingTwoFactorIsRequired()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.EnrolAuthenticatorAsync(user);

        var problem = await LoginAsync(user, KontorAppFactory.Password).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.True(problem.GetProperty("twoFactorRequired").GetBoolean());
    }

    [Fact]
    public async Task Login_WithMfaAndWrongPassword_Returns401WithoutRevealingMfa()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var (key, _) = await app.EnrolAuthenticatorAsync(user);

        var problem = await LoginAsync(user, WrongPassword, twoFactorCode: CurrentCode(key)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.False(problem.TryGetProperty("twoFactorRequired", out _));
    }

    [Fact]
    public async Task Login_WithMfaAndRightCode_ReturnsWorkingToken()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var (key, _) = await app.EnrolAuthenticatorAsync(user);

        var tokens = await LoginAsync(user, KontorAppFactory.Password, twoFactorCode: CurrentCode(key)).ExpectAsync(HttpStatusCode.OK);

        await app.CreateBearerClient(tokens.Str("accessToken")).GetJsonAsync("/api/accounts");
    }

    [Fact]
    public async Task Login_WithMfaAndCodeTypedWithSpace_IsAccepted()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var (key, _) = await app.EnrolAuthenticatorAsync(user);
        var code = CurrentCode(key);

        await LoginAsync(user, KontorAppFactory.Password, twoFactorCode: $"{code[..3]} {code[3..]}").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_WithMfaAndWrongCode_Returns401AndCountsAsFailedAttempt()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var (key, _) = await app.EnrolAuthenticatorAsync(user);

        var problem = await LoginAsync(user, KontorAppFactory.Password, twoFactorCode: WrongCode(key)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.False(problem.TryGetProperty("accessToken", out _));
        Assert.Equal(1, await app.InTenantAsync(user.TenantId, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync(Api.Ct)));
    }

    [Fact]
    public async Task Login_AfterFiveWrongCodes_Answers429EvenWithTheRightCode()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var (key, _) = await app.EnrolAuthenticatorAsync(user);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LoginAsync(user, KontorAppFactory.Password, twoFactorCode: WrongCode(key));
        }

        var response = await LoginAsync(user, KontorAppFactory.Password, twoFactorCode: CurrentCode(key));

        await response.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Login_WithRecoveryCode_WorksOnlyOnce()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var (_, recoveryCodes) = await app.EnrolAuthenticatorAsync(user);

        var tokens = await LoginAsync(user, KontorAppFactory.Password, recoveryCode: recoveryCodes[0]).ExpectAsync(HttpStatusCode.OK);
        await LoginAsync(user, KontorAppFactory.Password, recoveryCode: recoveryCodes[0]).ProblemAsync(HttpStatusCode.Unauthorized);
        await LoginAsync(user, KontorAppFactory.Password, recoveryCode: recoveryCodes[1]).ExpectAsync(HttpStatusCode.OK);

        await app.CreateBearerClient(tokens.Str("accessToken")).GetJsonAsync("/api/accounts");
    }

    [Fact]
    public async Task Login_WithMfaRequiredForUserButNotEnrolled_Returns403()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var email = app.NewEmail("mfa");
        await app.WithServicesAsync(services => services.GetRequiredService<UserDirectory>().CreateUserAsync(
            admin.TenantId, new NewUser(email, "Mia", "Mfa", [Roles.SalesRep], MfaRequired: true), KontorAppFactory.Password, Api.Ct));

        var problem = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = KontorAppFactory.Password }).ProblemAsync(HttpStatusCode.Forbidden);
        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = WrongPassword }).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("authenticator", problem.Str("title"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WithMfaRequiredByTenantButNotEnrolled_Returns403UntilEnrolled()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await app.InTenantAsync(user.TenantId, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == user.TenantId, Api.Ct)).SetMfaRequired(true);
            await db.SaveChangesAsync(Api.Ct);
        });

        await LoginAsync(user, KontorAppFactory.Password).ProblemAsync(HttpStatusCode.Forbidden);
        var (key, _) = await app.EnrolAuthenticatorAsync(user);

        await LoginAsync(user, KontorAppFactory.Password).ProblemAsync(HttpStatusCode.Unauthorized);
        await LoginAsync(user, KontorAppFactory.Password, twoFactorCode: CurrentCode(key)).ExpectAsync(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> LoginAsync(TestUser user, string password, string? twoFactorCode = null, string? recoveryCode = null) =>
        app.CreateClient().PostJsonAsync("/api/auth/login", new { email = user.Email, password, twoFactorCode, recoveryCode });

    private static string CurrentCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>A six-digit code that is not valid in any time step Identity accepts around now.</summary>
    private static string WrongCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var valid = Enumerable.Range(-5, 11).Select(step => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return new[] { "000000", "111111", "222222" }.First(code => !valid.Contains(code));
    }
}
