using Kontor.Platform.Http;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity.Profile;

/// <summary>The code that proves the authenticator app works; also the form model of that step.</summary>
public sealed class EnableMfaRequest
{
    [Mandatory, MaxChars(10)]
    public string Code { get; set; } = "";
}

internal static class EnableMfa
{
    /// <summary>How many recovery codes a user gets.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// Turns two-factor sign-in on once the code matches the pending key, and returns the new recovery codes,
    /// which are shown once. The security stamp changes: the web UI renews its session at once.
    /// </summary>
    public static async Task<(KontorUser User, IReadOnlyList<string> RecoveryCodes)> ExecuteAsync(
        EnableMfaRequest request, UserManager<KontorUser> users, CurrentUser user, ILogger log)
    {
        CredentialRules.RequireSignIn(user);
        RequestValidator.ThrowIfInvalid(request);
        var stored = await users.FindByIdAsync(user.Id.ToString()) ?? throw new ForbiddenException("The user no longer exists.");
        if (stored.TwoFactorEnabled)
        {
            throw new BusinessRuleException("Two-factor sign-in is already on.");
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(stored)))
        {
            throw new BusinessRuleException("Start the set-up of an authenticator app first.");
        }

        var code = request.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(stored, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            throw RequestValidationException.For("code", "The code is wrong or expired. Enter the code your authenticator app shows now.");
        }

        // Personal access tokens stay: adding a factor strengthens sign-in but is no sign that a token leaked,
        // and ending them would break the user's integrations for nothing.
        UserDirectory.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(stored, true), "code");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(stored, RecoveryCodeCount);
        CredentialLog.MfaEnabled(log, stored.Id);
        return (stored, [.. codes ?? []]);
    }
}
