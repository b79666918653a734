using System.Net;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Kontor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Identity;

public sealed class PersonalAccessTokenTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task ReadToken_ReadsButGets403OnEveryChange()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var contact = await rep.Client.CreateContactAsync("Kowalski", account.Id());
        var client = app.CreateBearerClient(await app.IssueTokenAsync(rep, TokenScope.Read));

        Assert.Equal([account.Id()], (await client.GetJsonAsync("/api/accounts")).Ids());
        await client.GetJsonAsync($"/api/contacts/{contact.Id()}");
        await client.PostJsonAsync("/api/accounts", new { name = "New" }).ProblemAsync(HttpStatusCode.Forbidden);
        await client.PostJsonAsync("/api/contacts", new { lastName = "New" }).ProblemAsync(HttpStatusCode.Forbidden);
        await client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Changed" }, "*").ProblemAsync(HttpStatusCode.Forbidden);
        await client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { lastName = "Changed" }, "*").ProblemAsync(HttpStatusCode.Forbidden);
        await client.RemoveAsync($"/api/contacts/{contact.Id()}").ProblemAsync(HttpStatusCode.Forbidden);
        await client.RemoveAsync($"/api/accounts/{account.Id()}").ProblemAsync(HttpStatusCode.Forbidden);

        var stored = await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}");
        Assert.Equal("Acme", stored.Str("name"));
        Assert.Single((await rep.Client.GetJsonAsync("/api/accounts")).Ids());
    }

    [Fact]
    public async Task ReadToken_CannotRestoreFromTheRecycleBin()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        var client = app.CreateBearerClient(await app.IssueTokenAsync(rep, TokenScope.Read));

        Assert.Equal([account.Id()], (await client.GetJsonAsync("/api/accounts/deleted")).Ids());
        await client.PostAsync($"/api/accounts/{account.Id()}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReadWriteToken_CreatesChangesAndDeletesAsItsUser()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var client = app.CreateBearerClient(await app.IssueTokenAsync(rep, TokenScope.ReadWrite));

        var account = await client.CreateAccountAsync("Via token");
        await client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { segment = "SMB" }, account.Str("eTag")).ExpectAsync(HttpStatusCode.OK);
        await client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(rep.Id, account.GetProperty("ownerId").GetGuid());
        Assert.Equal([account.Id()], (await rep.Client.GetJsonAsync("/api/accounts/deleted")).Ids());
    }

    [Fact]
    public async Task ReadWriteToken_KeepsTheRestrictionsOfItsUsersRole()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var agent = await app.CreateUserAsync(admin.TenantId, [Roles.ServiceAgent]);
        var client = app.CreateBearerClient(await app.IssueTokenAsync(agent, TokenScope.ReadWrite));

        await client.PostJsonAsync("/api/accounts", new { name = "New" }).ProblemAsync(HttpStatusCode.Forbidden);
        await client.CreateContactAsync("Allowed for service agents");
    }

    [Fact]
    public async Task RevokedToken_Returns401()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var client = app.CreateBearerClient(await app.IssueTokenAsync(rep, TokenScope.ReadWrite, revoked: true));

        await client.FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokenRevokedAfterUse_StopsWorking()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var secret = await app.IssueTokenAsync(rep, TokenScope.ReadWrite);
        var client = app.CreateBearerClient(secret);
        await client.GetJsonAsync("/api/accounts");

        await app.InTenantAsync(rep.TenantId, async db =>
        {
            (await db.PersonalAccessTokens.SingleAsync(t => t.SecretHash == PersonalAccessToken.Hash(secret), Api.Ct)).Revoke(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Api.Ct);
        });

        await client.FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ExpiredToken_Returns401()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var client = app.CreateBearerClient(await app.IssueTokenAsync(rep, TokenScope.ReadWrite, expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1)));

        await client.FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TokenNotYetExpired_Works()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var client = app.CreateBearerClient(await app.IssueTokenAsync(rep, TokenScope.Read, expiresAt: DateTimeOffset.UtcNow.AddDays(1)));

        await client.GetJsonAsync("/api/accounts");
    }

    [Fact]
    public async Task Token_OfDeactivatedUser_Returns401()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var client = app.CreateBearerClient(await app.IssueTokenAsync(rep, TokenScope.ReadWrite));
        await client.GetJsonAsync("/api/accounts");

        await app.SetActiveAsync(rep, active: false);

        await client.FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_OfUserOfAnotherTenant_SeesOnlyThatTenant()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var globex = await app.CreateTenantWithUserAsync("Globex", Roles.Admin);
        var acmeAccount = await acme.Client.CreateAccountAsync("Acme's customer");
        var globexAccount = await globex.Client.CreateAccountAsync("Globex's customer");
        var client = app.CreateBearerClient(await app.IssueTokenAsync(globex, TokenScope.ReadWrite));

        Assert.Equal([globexAccount.Id()], (await client.GetJsonAsync("/api/accounts")).Ids());
        await client.FetchAsync($"/api/accounts/{acmeAccount.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await client.RemoveAsync($"/api/accounts/{acmeAccount.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        var created = await client.CreateAccountAsync("Created by token");
        Assert.DoesNotContain(created.Id(), (await acme.Client.GetJsonAsync("/api/accounts")).Ids());
    }

    [Fact]
    public async Task Token_RecordsWhenItWasLastUsed()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var secret = await app.IssueTokenAsync(rep, TokenScope.Read);

        await app.CreateBearerClient(secret).GetJsonAsync("/api/accounts");

        var lastUsed = await app.InTenantAsync(rep.TenantId, db =>
            db.PersonalAccessTokens.Where(t => t.SecretHash == PersonalAccessToken.Hash(secret)).Select(t => t.LastUsedAt).SingleAsync(Api.Ct));
        Assert.NotNull(lastUsed);
        Assert.InRange((DateTimeOffset.UtcNow - lastUsed.Value).TotalMinutes, 0, 1);
    }

    [Fact]
    public async Task Token_EndsWithAPasswordReset_AndIsListedAsRevoked()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var secret = await app.IssueTokenAsync(rep, TokenScope.ReadWrite);
        await app.CreateBearerClient(secret).GetJsonAsync("/api/accounts");
        const string newPassword = "A-New-Password-2026";

        Assert.True(await app.WithServicesAsync(services => services.GetRequiredService<UserDirectory>().ResetPasswordAsync(rep.Email, newPassword, Api.Ct)));

        await app.CreateBearerClient(secret).FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
        var revokedAt = await app.InTenantAsync(rep.TenantId, db =>
            db.PersonalAccessTokens.Where(t => t.SecretHash == PersonalAccessToken.Hash(secret)).Select(t => t.RevokedAt).SingleAsync(Api.Ct));
        Assert.NotNull(revokedAt);
    }

    [Fact]
    public async Task Token_EndsWhenItsUserChangesTheirPassword()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var secret = await app.IssueTokenAsync(rep, TokenScope.ReadWrite);

        await rep.Client.PostJsonAsync("/api/profile/password", new { currentPassword = KontorAppFactory.Password, newPassword = "Another-Strong-Password-2026" })
            .ExpectAsync(HttpStatusCode.NoContent);

        await app.CreateBearerClient(secret).FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_SurvivesAFailedPasswordChange()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var secret = await app.IssueTokenAsync(rep, TokenScope.ReadWrite);

        await rep.Client.PostJsonAsync("/api/profile/password", new { currentPassword = KontorAppFactory.Password, newPassword = "short" })
            .ProblemAsync(HttpStatusCode.BadRequest, "newPassword");

        await app.CreateBearerClient(secret).GetJsonAsync("/api/accounts");
        await rep.Client.GetJsonAsync("/api/accounts");
    }

    [Fact]
    public async Task EndSessions_EndsTheUsersTokensAndBearerTokens_NotThoseOfOthers()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var repTokens = new[] { await app.IssueTokenAsync(rep, TokenScope.ReadWrite), await app.IssueTokenAsync(rep, TokenScope.Read) };
        var adminToken = await app.IssueTokenAsync(admin, TokenScope.ReadWrite);

        var result = await EndSessionsAsync(rep);

        Assert.True(result.Succeeded);
        foreach (var secret in repTokens)
        {
            await app.CreateBearerClient(secret).FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
        }

        await rep.Client.FetchAsync("/api/accounts").ProblemAsync(HttpStatusCode.Unauthorized);
        await app.CreateBearerClient(adminToken).GetJsonAsync("/api/accounts");
        await admin.Client.GetJsonAsync("/api/accounts");
        await app.CreateBearerClient(await app.IssueTokenAsync(rep, TokenScope.Read)).GetJsonAsync("/api/accounts");
    }

    [Fact]
    public async Task EndSessions_ForAUserChangedSinceItWasRead_FailsAndRevokesNothing()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var secret = await app.IssueTokenAsync(rep, TokenScope.ReadWrite);

        var result = await app.WithServicesAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Use(rep.TenantId);
            var stale = await services.GetRequiredService<UserManager<KontorUser>>().FindByIdAsync(rep.Id.ToString());
            await app.WithUserManagerAsync(rep.TenantId, rep.Id, (users, stored) =>
            {
                stored.FirstName = "Changed elsewhere";
                return users.UpdateAsync(stored);
            });
            return await services.GetRequiredService<UserDirectory>().EndSessionsAsync(stale!, Api.Ct);
        });

        Assert.False(result.Succeeded);
        await app.CreateBearerClient(secret).GetJsonAsync("/api/accounts");
    }

    private Task<IdentityResult> EndSessionsAsync(TestUser user) =>
        app.WithServicesAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Use(user.TenantId);
            var stored = await services.GetRequiredService<UserManager<KontorUser>>().FindByIdAsync(user.Id.ToString());
            return await services.GetRequiredService<UserDirectory>().EndSessionsAsync(stored!, Api.Ct);
        });
}
