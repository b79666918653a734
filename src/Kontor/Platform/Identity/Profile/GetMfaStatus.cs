using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity.Profile;

/// <summary>The state of a user's two-factor sign-in.</summary>
/// <param name="Enabled">An authenticator app is enrolled and asked for at sign-in.</param>
/// <param name="Required">The administrator requires it; the user cannot turn it off.</param>
/// <param name="RecoveryCodesLeft">Unused recovery codes.</param>
public sealed record MfaStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

internal static class GetMfaStatus
{
    public static async Task<MfaStatus> ExecuteAsync(UserManager<KontorUser> users, KontorDb db, CurrentUser user)
    {
        CredentialRules.RequireSignIn(user);
        var stored = await users.FindByIdAsync(user.Id.ToString()) ?? throw new ForbiddenException("The user no longer exists.");
        return new MfaStatus(
            stored.TwoFactorEnabled,
            await MfaPolicy.IsRequiredAsync(db, stored),
            stored.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(stored) : 0);
    }
}
