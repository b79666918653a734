using Kontor.Platform.Http;

namespace Kontor.Platform.Identity;

/// <summary>
/// Who may change credentials (password, authenticator, access tokens). A personal access token never may:
/// a leaked token must not be able to mint more tokens or lock its owner out.
/// </summary>
public static class CredentialRules
{
    /// <summary>Throws <see cref="ForbiddenException"/> when the request is authenticated with a personal access token.</summary>
    public static void RequireSignIn(CurrentUser user)
    {
        if (!user.IsAuthenticated || user.TokenId is not null)
        {
            throw new ForbiddenException("Personal access tokens cannot manage credentials. Sign in with your password (web UI or POST /api/auth/login) instead.");
        }
    }

    /// <summary>Throws <see cref="ForbiddenException"/> for a read-only personal access token.</summary>
    public static void RequireWriteAccess(CurrentUser user)
    {
        if (user.TokenScope == TokenScope.Read)
        {
            throw new ForbiddenException("This personal access token is read-only.");
        }
    }

    /// <summary>Throws <see cref="ForbiddenException"/> while the user still has to enrol an authenticator app.</summary>
    public static void RequireMfaEnrolled(CurrentUser user)
    {
        if (user.MustEnrolMfa)
        {
            throw new ForbiddenException("Your administrator requires two-factor sign-in. Set up an authenticator app first.");
        }
    }
}
