using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity.Profile;

internal static class ResetAuthenticator
{
    /// <summary>
    /// Discards the enrolled authenticator (a new phone, a lost phone) so a different one can be set up; also
    /// allowed when MFA is required, as the user must then enrol again before doing anything else.
    /// The security stamp changes: the web UI renews its session at once.
    /// </summary>
    public static async Task<KontorUser> ExecuteAsync(ConfirmPasswordRequest request, UserManager<KontorUser> users, CurrentUser user, ILogger log)
    {
        var stored = await DisableMfa.ConfirmAsync(request, users, user);
        UserDirectory.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(stored, false), "password");
        UserDirectory.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(stored), "password");
        CredentialLog.AuthenticatorReset(log, stored.Id);
        return stored;
    }
}
