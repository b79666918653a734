using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Infrastructure;

/// <summary>Arranges tenant data that has no API yet: teams, sharing settings, personal access tokens.</summary>
public static class Arrange
{
    /// <summary>Creates a team with the given members and returns its id.</summary>
    public static Task<Guid> CreateTeamAsync(this KontorAppFactory app, Guid tenantId, TeamKind kind, params Guid[] members) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var team = new Team($"{kind} {Guid.NewGuid():N}", kind, siteId: null, description: null);
            db.Teams.Add(team);
            db.TeamMembers.AddRange(members.Select(m => new TeamMember(team.Id, m)));
            await db.SaveChangesAsync(Api.Ct);
            return team.Id;
        });

    /// <summary>Sets the tenant's organisation-wide sharing level for an object (account, contact).</summary>
    public static Task SetSharingAsync(this KontorAppFactory app, Guid tenantId, SecuredObject securedObject, SharingLevel level) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var setting = await db.SharingSettings.SingleOrDefaultAsync(s => s.ObjectKey == securedObject.Key, Api.Ct);
            if (setting is null)
            {
                db.SharingSettings.Add(new SharingSetting(securedObject.Key, level));
            }
            else
            {
                setting.Level = level;
            }

            await db.SaveChangesAsync(Api.Ct);
        });

    /// <summary>Issues a personal access token for a user and returns its secret.</summary>
    public static Task<string> IssueTokenAsync(
        this KontorAppFactory app, TestUser user, TokenScope scope, DateTimeOffset? expiresAt = null, bool revoked = false) =>
        app.InTenantAsync(user.TenantId, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var (token, secret) = PersonalAccessToken.Issue(user.Id, "test token", scope, now.AddDays(-1), expiresAt);
            if (revoked)
            {
                token.Revoke(now);
            }

            db.PersonalAccessTokens.Add(token);
            await db.SaveChangesAsync(Api.Ct);
            return secret;
        });

    /// <summary>Sets whether a user is active (deactivated users cannot sign in and their tokens stop working).</summary>
    public static Task SetActiveAsync(this KontorAppFactory app, TestUser user, bool active) =>
        app.InTenantAsync(user.TenantId, async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id, Api.Ct);
            stored.IsActive = active;
            await db.SaveChangesAsync(Api.Ct);
        });

    /// <summary>Enrols an authenticator app for the user, as the profile page does; returns the shared key and ten recovery codes.</summary>
    public static async Task<(string Key, string[] RecoveryCodes)> EnrolAuthenticatorAsync(this KontorAppFactory app, TestUser user)
    {
        var key = await app.WithUserManagerAsync(user.TenantId, user.Id, async (users, stored) =>
        {
            await users.ResetAuthenticatorKeyAsync(stored);
            await users.SetTwoFactorEnabledAsync(stored, true);
            return await users.GetAuthenticatorKeyAsync(stored);
        });
        var codes = await app.WithUserManagerAsync(user.TenantId, user.Id, async (users, stored) =>
            (await users.GenerateNewTwoFactorRecoveryCodesAsync(stored, 10))!.ToArray());
        return (key!, codes);
    }
}
