using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Identity;

/// <summary>Whether a user has to enrol an authenticator app before using Kontor.</summary>
public static class MfaPolicy
{
    /// <summary>True when the administrator requires MFA for the user or the whole tenant and none is enrolled.</summary>
    public static async Task<bool> MustEnrolAsync(KontorDb db, KontorUser user) =>
        !user.TwoFactorEnabled && await IsRequiredAsync(db, user);

    /// <summary>True when the administrator requires MFA for the user or the whole tenant; the user may then not turn it off.</summary>
    public static async Task<bool> IsRequiredAsync(KontorDb db, KontorUser user) =>
        user.MfaRequired || await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.RequireMfa).SingleAsync();
}
