using Kontor.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Kontor.Platform.Identity;

/// <summary>Identity's password and user-name messages in the user's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<IdentityText> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Something went wrong. Please try again."]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Use at least {0} characters.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), l["Use at least {0} different characters.", uniqueChars]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["The current password is wrong."]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["A user with this e-mail address already exists."]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["A user with this e-mail address already exists."]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["Enter an e-mail address like name@example.com."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["Enter an e-mail address like name@example.com."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["The code is wrong or expired."]);

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), l["The code is wrong or expired."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
