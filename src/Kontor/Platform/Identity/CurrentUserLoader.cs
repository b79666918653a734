using System.Security.Claims;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontor.Platform.Identity;

/// <summary>
/// Turns an authenticated principal into the scope's <see cref="TenantContext"/>, <see cref="CurrentUser"/> and
/// <see cref="AccessScope"/>, reading roles, teams and hierarchy fresh from the database. Refuses principals
/// of deactivated users and of sessions whose security stamp changed (password reset, MFA reset). A user who
/// must still enrol an authenticator app gets no roles and an empty access scope until they have enrolled.
/// </summary>
public sealed class CurrentUserLoader(
    IDbContextFactory<KontorDb> databases,
    TenantContext tenant,
    CurrentUser currentUser,
    AccessScope access,
    IEnumerable<SecuredObject> securedObjects,
    IOptions<IdentityOptions> identityOptions)
{
    /// <summary>True when the principal belongs to an active user; the scope is then loaded.</summary>
    public async Task<bool> LoadAsync(ClaimsPrincipal principal, Channel channel, CancellationToken ct)
    {
        if (principal.UserId() is not { } userId || principal.TenantId() is not { } tenantId)
        {
            return false;
        }

        if (currentUser.IsAuthenticated)
        {
            return currentUser.Id == userId;
        }

        tenant.Use(tenantId);

        // A context per load: a circuit's scope lives as long as the browser tab, its contexts must not.
        await using var db = await databases.CreateDbContextAsync(ct);

        // The user with their site's time zone and the tenant's settings in one round trip: this runs on every request.
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                User = u,
                TimeZone = db.Sites.Where(s => s.Id == u.SiteId).Select(s => s.TimeZone).FirstOrDefault(),
                TenantRequiresMfa = db.Tenants.Where(t => t.Id == tenantId).Select(t => t.RequireMfa).FirstOrDefault(),
                DefaultCountry = db.Tenants.Where(t => t.Id == tenantId).Select(t => t.DefaultCountry).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null || !row.User.IsActive)
        {
            return false;
        }

        var user = row.User;
        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is not null && stamp != user.SecurityStamp)
        {
            return false;
        }

        var tokenScope = Enum.TryParse<TokenScope>(principal.FindFirstValue(KontorClaims.TokenScope), out var scope) ? scope : (TokenScope?)null;
        var tokenId = Guid.TryParse(principal.FindFirstValue(KontorClaims.Token), out var token) ? token : (Guid?)null;
        var mustEnrolMfa = (user.MfaRequired || row.TenantRequiresMfa) && !user.TwoFactorEnabled;
        if (mustEnrolMfa)
        {
            // Until an authenticator is enrolled the user may only enrol one (the profile's security pages check
            // the user themself). No roles and no object permissions: every slice refuses or finds nothing,
            // whichever page or endpoint the user reaches, on every channel.
            access.Load(securedObjects, [], readOnlyToken: false, new Dictionary<string, SharingLevel>(), [], []);
            currentUser.Set(user, [], tokenId, tokenScope, channel, mustEnrolMfa: true, row.DefaultCountry, row.TimeZone);
            return true;
        }

        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == userId
                           select role.Name!).ToListAsync(ct);
        var teamIds = await db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId).ToArrayAsync(ct);
        var teammates = await db.TeamMembers.Where(m => teamIds.Contains(m.TeamId)).Select(m => m.UserId).ToListAsync(ct);
        var reports = await db.Users.Where(u => u.ManagerId == userId).Select(u => u.Id).ToListAsync(ct);
        var sharing = await db.SharingSettings.ToDictionaryAsync(s => s.ObjectKey, s => s.Level, ct);

        Guid[] owners = [.. teammates.Concat(reports).Append(userId).Distinct()];
        access.Load(securedObjects, roles, tokenScope == TokenScope.Read, sharing, owners, teamIds);
        currentUser.Set(user, roles, tokenId, tokenScope, channel, mustEnrolMfa: false, row.DefaultCountry, row.TimeZone);
        return true;
    }
}
