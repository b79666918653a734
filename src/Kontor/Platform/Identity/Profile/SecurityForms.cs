using Kontor.Platform.Validation;

namespace Kontor.Platform.Identity.Profile;

/// <summary>The change-password form: the request plus the repeated new password.</summary>
public sealed class ChangePasswordForm
{
    [Mandatory, MaxChars(200)]
    public string CurrentPassword { get; set; } = "";

    [Mandatory, MaxChars(200)]
    public string NewPassword { get; set; } = "";

    [Mandatory, MaxChars(200)]
    public string ConfirmPassword { get; set; } = "";

    public ChangePasswordRequest ToRequest() => new() { CurrentPassword = CurrentPassword, NewPassword = NewPassword };

    /// <summary>Passwords are never sent back to the browser in the re-rendered form.</summary>
    public void Clear()
    {
        CurrentPassword = "";
        NewPassword = "";
        ConfirmPassword = "";
    }
}
