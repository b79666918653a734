using Kontor.Platform.Http;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity.Profile;

/// <summary>
/// Confirms the current password before a credential changes. Wrong passwords count towards the same lockout
/// as at sign-in, so a stolen session cannot be used to guess the password.
/// </summary>
internal static class PasswordCheck
{
    public const string WrongPassword = "The password is wrong.";

    public static readonly string LockedOut = $"Too many wrong passwords. Try again in {KontorAuth.LockoutDuration.TotalMinutes:0} minutes.";

    /// <summary>Throws <see cref="RequestValidationException"/> for <paramref name="field"/> when the password is wrong or the account is locked.</summary>
    public static async Task VerifyAsync(UserManager<KontorUser> users, KontorUser user, string password, string field)
    {
        if (await users.IsLockedOutAsync(user))
        {
            throw RequestValidationException.For(field, LockedOut);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            throw RequestValidationException.For(field, await users.IsLockedOutAsync(user) ? LockedOut : WrongPassword);
        }

        await users.ResetAccessFailedCountAsync(user);
    }
}
