using Kontor.Platform.Http;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity.Profile;

internal static class GenerateRecoveryCodes
{
    /// <summary>Replaces every recovery code with new ones, shown once; the old codes stop working.</summary>
    public static async Task<IReadOnlyList<string>> ExecuteAsync(UserManager<KontorUser> users, CurrentUser user, ILogger log)
    {
        CredentialRules.RequireSignIn(user);
        var stored = await users.FindByIdAsync(user.Id.ToString()) ?? throw new ForbiddenException("The user no longer exists.");
        if (!stored.TwoFactorEnabled)
        {
            throw new BusinessRuleException("Recovery codes exist only while two-factor sign-in is on.");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(stored, EnableMfa.RecoveryCodeCount);
        CredentialLog.RecoveryCodesGenerated(log, stored.Id);
        return [.. codes ?? []];
    }
}
