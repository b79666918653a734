using System.Net;
using Kontor.Platform.Access;
using Kontor.Platform.Administration.Users;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Administration;

/// <summary>Administrators change other users' credentials only when signed in with a password, and the change ends every way in.</summary>
public sealed class CredentialChangeTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CredentialChanges_WithReadWriteAccessTokenOfAnAdministrator_Return403AndChangeNothing()
    {
        var admin = await app.CreateTenantWithUserAsync("TokenTakeover");
        var victim = await app.CreateUserAsync(admin.TenantId, [Roles.Admin]);
        var token = await admin.AccessTokenClientAsync(TokenScope.ReadWrite);
        var url = $"/api/users/{victim.Id}";

        var password = await token.SendAsync(HttpMethod.Put, $"{url}/password", new { password = "the attacker's password" });
        var mfa = await token.SendAsync(HttpMethod.Post, $"{url}/reset-mfa");
        var email = await token.PatchAsync(url, new { email = app.NewEmail("attacker") }, "*");
        var name = await token.PatchAsync(url, new { lastName = "Renamed" }, "*");

        Assert.Equal(HttpStatusCode.Forbidden, password.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mfa.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, email.StatusCode);
        Assert.Contains("Sign in with your password", (await email.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Other details stay open to read-write tokens; the victim still signs in as before.
        Assert.Equal(HttpStatusCode.OK, name.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.Client.GetAsync("/api/users", Ct)).StatusCode);
        Assert.Equal(victim.Email, (await admin.Client.GetJsonAsync(url)).GetProperty("email").GetString());
        await app.SignInAsync(victim.Email);
    }

    [Fact]
    public async Task SetPasswordAndResetMfa_OfYourself_Return409PointingToTheProfile()
    {
        var admin = await app.CreateTenantWithUserAsync("Self");

        var password = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{admin.Id}/password", new { password = "a brand new password" });
        var mfa = await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{admin.Id}/reset-mfa");

        Assert.Equal(HttpStatusCode.Conflict, password.StatusCode);
        Assert.Contains("Profile → Security", (await password.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, mfa.StatusCode);
        Assert.Contains("Profile → Security", (await mfa.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/users", Ct)).StatusCode);
        await app.SignInAsync(admin.Email);
    }

    [Theory]
    [InlineData("deactivate")]
    [InlineData("password")]
    [InlineData("reset-mfa")]
    [InlineData("email")]
    public async Task CredentialChange_EndsTheUsersAccessTokens(string change)
    {
        var admin = await app.CreateTenantWithUserAsync("Tokens " + change);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var token = await rep.AccessTokenClientAsync(TokenScope.ReadWrite);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/accounts", Ct)).StatusCode);
        var url = $"/api/users/{rep.Id}";

        var response = change switch
        {
            "deactivate" => await admin.Client.SendAsync(HttpMethod.Post, $"{url}/deactivate"),
            "password" => await admin.Client.SendAsync(HttpMethod.Put, $"{url}/password", new { password = "a brand new password" }),
            "reset-mfa" => await admin.Client.SendAsync(HttpMethod.Post, $"{url}/reset-mfa"),
            _ => await admin.Client.PatchAsync(url, new { email = app.NewEmail("renamed") }, "*"),
        };

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/accounts", Ct)).StatusCode);
        var revoked = await app.InTenantAsync(admin.TenantId, db => db.PersonalAccessTokens.Where(t => t.UserId == rep.Id).Select(t => t.RevokedAt).SingleAsync(Ct));
        Assert.NotNull(revoked);
    }

    [Fact]
    public async Task Administration_WhileTheAdministratorMustStillEnrolMfa_IsRefused()
    {
        var admin = await app.CreateTenantWithUserAsync("Enrol");
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == admin.Id, Ct);
            stored.MfaRequired = true;
            await db.SaveChangesAsync(Ct);
        });

        // The API refuses such users at sign-in already; the pages reach the slices, which must refuse too.
        var refused = await admin.RunAsync(async (services, user) =>
        {
            Assert.True(user.MustEnrolMfa);
            var db = services.GetRequiredService<KontorDb>();
            return await Record.ExceptionAsync(() => ListUsers.ExecuteAsync(new ListUsersRequest(), db, user, TimeProvider.System, Ct));
        });

        Assert.IsType<ForbiddenException>(refused);
    }
}
