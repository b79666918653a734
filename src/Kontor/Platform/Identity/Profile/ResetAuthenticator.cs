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

        // Personal access tokens stay: a new phone is the common case, and the phone never held a token. A user who
        // fears their password or tokens are known changes the password, which revokes the tokens; an administrator's
        // MFA reset (an account possibly taken over) ends them too.
        UserDirectory.ThrowIfFailed(await UserDirectory.TurnOffAuthenticatorAsync(users, stored), "password");
        CredentialLog.AuthenticatorReset(log, stored.Id);
        return stored;
    }
}
