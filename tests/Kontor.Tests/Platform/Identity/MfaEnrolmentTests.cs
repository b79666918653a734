using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontor.Features.Customers;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Integration.ApiTokens;
using Kontor.Platform.Access;
using Kontor.Platform.Administration.Users;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Identity.Profile;
using Kontor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OtpNet;

namespace Kontor.Tests.Platform.Identity;

public sealed class MfaEnrolmentTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enrol_WithCurrentCode_TurnsMfaOn_AndSignInThenAsksForTheCode()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var enrolment = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));

        var codes = await EnableAsync(user, Totp(enrolment.SharedKey));

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        var withoutCode = await LoginAsync(user.Email);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.True((await withoutCode.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("twoFactorRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email, twoFactorCode: Totp(enrolment.SharedKey))).StatusCode);
        var status = await StatusAsync(user);
        Assert.True(status.Enabled);
        Assert.Equal(10, status.RecoveryCodesLeft);
    }

    [Fact]
    public async Task Enrol_WithWrongCode_RefusesAndLeavesMfaOff()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var enrolment = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));
        var wrong = ((int.Parse(Totp(enrolment.SharedKey), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => EnableAsync(user, wrong));

        Assert.Contains("code", error.Errors.Keys);
        Assert.False((await StatusAsync(user)).Enabled);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email)).StatusCode);
    }

    [Fact]
    public async Task StartEnrolment_TwiceKeepsTheKey_AndTheUriNamesKontorAndTheEmail()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");

        var first = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));
        var second = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));

        Assert.True(first.KeyChanged);
        Assert.False(second.KeyChanged);
        Assert.Equal(first.SharedKey, second.SharedKey);
        Assert.StartsWith($"otpauth://totp/Kontor:{Uri.EscapeDataString(user.Email)}?secret={first.SharedKey}&issuer=Kontor", first.AuthenticatorUri, StringComparison.Ordinal);
        Assert.Equal(first.SharedKey, first.FormattedKey.Replace(" ", "", StringComparison.Ordinal));
        Assert.All(first.FormattedKey.Split(' '), group => Assert.InRange(group.Length, 1, 4));
        Assert.Contains("<svg", StartMfaEnrolment.QrCodeSvg(first.AuthenticatorUri), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartEnrolment_ChangesTheSecurityStamp_SoOldSessionsEnd()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/profile", Ct)).StatusCode);

        await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));

        // This is why the web UI renews its cookie right after storing a new key.
        Assert.NotEqual(HttpStatusCode.OK, (await user.Client.GetAsync("/api/profile", Ct)).StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_AndNewCodesReplaceOldOnes()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var enrolment = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));
        var codes = await EnableAsync(user, Totp(enrolment.SharedKey));

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email, recoveryCode: codes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(user.Email, recoveryCode: codes[0])).StatusCode);
        Assert.Equal(9, (await StatusAsync(user)).RecoveryCodesLeft);

        var fresh = await user.RunAsync((services, me) => GenerateRecoveryCodes.ExecuteAsync(Users(services), me, NullLogger.Instance));

        Assert.Equal(10, fresh.Count);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(user.Email, recoveryCode: codes[1])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email, recoveryCode: fresh[0])).StatusCode);
    }

    [Fact]
    public async Task Disable_NeedsThePassword_ThenSignInNoLongerAsksForACode()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var enrolment = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));
        await EnableAsync(user, Totp(enrolment.SharedKey));

        var wrong = await Assert.ThrowsAsync<RequestValidationException>(() => user.RunAsync((services, me) =>
            DisableMfa.ExecuteAsync(new ConfirmPasswordRequest { Password = "wrong-password" }, Users(services), services.GetRequiredService<KontorDb>(), me, NullLogger.Instance)));
        Assert.Contains("password", wrong.Errors.Keys);
        Assert.True((await StatusAsync(user)).Enabled);

        await user.RunAsync((services, me) =>
            DisableMfa.ExecuteAsync(new ConfirmPasswordRequest { Password = KontorAppFactory.Password }, Users(services), services.GetRequiredService<KontorDb>(), me, NullLogger.Instance));

        Assert.False((await StatusAsync(user)).Enabled);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email)).StatusCode);
        var again = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));
        Assert.NotEqual(enrolment.SharedKey, again.SharedKey);
    }

    [Fact]
    public async Task RequiredByAdministrator_BlocksApiAndTokensUntilEnrolled_AndCannotBeTurnedOff()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", "Admin");
        var email = app.NewEmail("mfa");
        var created = await app.WithServicesAsync(services => services.GetRequiredService<UserDirectory>().CreateUserAsync(
            admin.TenantId, new NewUser(email, "Mia", "Berger", ["SalesRep"], MfaRequired: true), KontorAppFactory.Password, Ct));
        var user = new TestUser(app, created.Id, admin.TenantId, email, app.CreateClient());

        Assert.Equal(HttpStatusCode.Forbidden, (await LoginAsync(email)).StatusCode);
        await Assert.ThrowsAsync<ForbiddenException>(() => user.RunAsync((services, me) =>
        {
            Assert.True(me.MustEnrolMfa);
            return CreateApiToken.ExecuteAsync(new CreateApiTokenRequest { Name = "Bypass" }, services.GetRequiredService<KontorDb>(), me, TimeProvider.System, NullLogger.Instance, Ct);
        }));

        var enrolment = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));
        await EnableAsync(user, Totp(enrolment.SharedKey));

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(email, twoFactorCode: Totp(enrolment.SharedKey))).StatusCode);
        Assert.False(await user.RunAsync((_, me) => Task.FromResult(me.MustEnrolMfa)));
        var status = await StatusAsync(user);
        Assert.True(status.Required);
        await Assert.ThrowsAsync<BusinessRuleException>(() => user.RunAsync((services, me) =>
            DisableMfa.ExecuteAsync(new ConfirmPasswordRequest { Password = KontorAppFactory.Password }, Users(services), services.GetRequiredService<KontorDb>(), me, NullLogger.Instance)));
        Assert.True((await StatusAsync(user)).Enabled);

        // A new phone: the old authenticator is discarded and the user must enrol again before anything else.
        await user.RunAsync((services, me) =>
            ResetAuthenticator.ExecuteAsync(new ConfirmPasswordRequest { Password = KontorAppFactory.Password }, Users(services), me, NullLogger.Instance));
        Assert.True(await user.RunAsync((_, me) => Task.FromResult(me.MustEnrolMfa)));
        Assert.Equal(HttpStatusCode.Forbidden, (await LoginAsync(email)).StatusCode);
    }

    [Fact]
    public async Task MustEnrol_LoadsNoRolesAndAnEmptyAccessScope_SoSlicesShowAndAllowNothing()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var account = await admin.Client.CreateAccountAsync("Own customer");
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == admin.Id, Ct);
            stored.MfaRequired = true;
            await db.SaveChangesAsync(Ct);
        });

        var seen = await admin.RunAsync(async (services, me) =>
        {
            var access = services.GetRequiredService<AccessScope>();
            var db = services.GetRequiredService<KontorDb>();
            return new
            {
                me.MustEnrolMfa,
                me.Roles,
                access.OwnerIds,
                ReadsAccounts = access.ReadsOwn(CustomerObjects.Accounts.Key),
                MayCreateAccounts = access.Has(CustomerObjects.Accounts, ObjectPermissions.Create),
                Listed = (await ListAccounts.ExecuteAsync(new ListAccountsRequest(), db, me, Ct)).Items,
                Direct = await db.Accounts.AnyAsync(a => a.Id == account.Id(), Ct),
            };
        });

        Assert.True(seen.MustEnrolMfa);
        Assert.Empty(seen.Roles);
        Assert.Empty(seen.OwnerIds);
        Assert.False(seen.ReadsAccounts);
        Assert.False(seen.MayCreateAccounts);
        Assert.Empty(seen.Listed);
        Assert.False(seen.Direct);
        await Assert.ThrowsAsync<ForbiddenException>(() => admin.RunAsync((services, me) =>
            ListUsers.ExecuteAsync(new ListUsersRequest(), services.GetRequiredService<KontorDb>(), me, TimeProvider.System, Ct)));

        // Enrolment itself still works, and with it every right comes back.
        var enrolment = await admin.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));
        await EnableAsync(admin, Totp(enrolment.SharedKey));
        var after = await admin.RunAsync(async (services, me) =>
            (await ListAccounts.ExecuteAsync(new ListAccountsRequest(), services.GetRequiredService<KontorDb>(), me, Ct)).Items.Select(a => a.Id).ToList());
        Assert.Equal([account.Id()], after);
    }

    [Fact]
    public async Task TurningMfaOn_ReplacingTheAuthenticator_AndTurningItOff_KeepThePersonalAccessTokens()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var token = app.CreateBearerClient(await app.IssueTokenAsync(user, TokenScope.ReadWrite));
        var confirm = new ConfirmPasswordRequest { Password = KontorAppFactory.Password };

        var first = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));
        await EnableAsync(user, Totp(first.SharedKey));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/profile", Ct)).StatusCode);

        await user.RunAsync((services, me) => ResetAuthenticator.ExecuteAsync(confirm, Users(services), me, NullLogger.Instance));
        var second = await user.RunAsync((services, me) => StartMfaEnrolment.ExecuteAsync(Users(services), me));
        await EnableAsync(user, Totp(second.SharedKey));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/profile", Ct)).StatusCode);

        await user.RunAsync((services, me) => DisableMfa.ExecuteAsync(confirm, Users(services), services.GetRequiredService<KontorDb>(), me, NullLogger.Instance));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/profile", Ct)).StatusCode);
    }

    private static UserManager<KontorUser> Users(IServiceProvider services) => services.GetRequiredService<UserManager<KontorUser>>();

    private static string Totp(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static Task<IReadOnlyList<string>> EnableAsync(TestUser user, string code) =>
        user.RunAsync(async (services, me) =>
            (await EnableMfa.ExecuteAsync(new EnableMfaRequest { Code = code }, Users(services), me, NullLogger.Instance)).RecoveryCodes);

    private static Task<MfaStatus> StatusAsync(TestUser user) =>
        user.RunAsync((services, me) => GetMfaStatus.ExecuteAsync(Users(services), services.GetRequiredService<KontorDb>(), me));

    private Task<HttpResponseMessage> LoginAsync(string email, string? twoFactorCode = null, string? recoveryCode = null) =>
        app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = KontorAppFactory.Password, twoFactorCode, recoveryCode }, Ct);
}
