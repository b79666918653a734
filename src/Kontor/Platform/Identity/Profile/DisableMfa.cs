using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity.Profile;

/// <summary>The password that confirms turning off or replacing the authenticator app.</summary>
public sealed class ConfirmPasswordRequest
{
    [Mandatory, MaxChars(200)]
    public string Password { get; set; } = "";
}

internal static class DisableMfa
{
    /// <summary>
    /// Turns two-factor sign-in off and discards the authenticator key, unless the administrator requires it.
    /// The security stamp changes: the web UI renews its session at once.
    /// </summary>
    public static async Task<KontorUser> ExecuteAsync(ConfirmPasswordRequest request, UserManager<KontorUser> users, KontorDb db, CurrentUser user, ILogger log)
    {
        var stored = await ConfirmAsync(request, users, user);
        if (await MfaPolicy.IsRequiredAsync(db, stored))
        {
            throw new BusinessRuleException("Your administrator requires two-factor sign-in; it cannot be turned off.");
        }

        // Personal access tokens stay: the user proved the password in a live session, and the second factor
        // was never part of a token, so turning it off says nothing about a token being in the wrong hands.
        UserDirectory.ThrowIfFailed(await UserDirectory.TurnOffAuthenticatorAsync(users, stored), "password");
        CredentialLog.MfaDisabled(log, stored.Id);
        return stored;
    }

    /// <summary>The signed-in user with two-factor sign-in on, once the password is confirmed.</summary>
    internal static async Task<KontorUser> ConfirmAsync(ConfirmPasswordRequest request, UserManager<KontorUser> users, CurrentUser user)
    {
        CredentialRules.RequireSignIn(user);
        RequestValidator.ThrowIfInvalid(request);
        var stored = await users.FindByIdAsync(user.Id.ToString()) ?? throw new ForbiddenException("The user no longer exists.");
        if (!stored.TwoFactorEnabled)
        {
            throw new BusinessRuleException("Two-factor sign-in is not on.");
        }

        await PasswordCheck.VerifyAsync(users, stored, request.Password, "password");
        return stored;
    }
}
