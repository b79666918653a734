using Kontor.Platform.Validation;

namespace Kontor.Platform.Identity.Pages;

/// <summary>The sign-in form.</summary>
public sealed class SignInForm
{
    [Mandatory, MaxChars(254), Email]
    public string Email { get; set; } = "";

    [Mandatory, MaxChars(200)]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

/// <summary>The second step of signing in with an authenticator app.</summary>
public sealed class SignInMfaForm
{
    [Mandatory, MaxChars(20)]
    public string Code { get; set; } = "";

    public bool RememberDevice { get; set; }

    /// <summary>The code is a recovery code rather than an authenticator code.</summary>
    public bool IsRecoveryCode { get; set; }
}
