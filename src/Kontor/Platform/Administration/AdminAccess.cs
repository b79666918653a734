using Kontor.Platform.Access;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Administration;

/// <summary>
/// The check every administration slice makes first: only administrators manage users, teams, sites, access
/// tokens and settings of their tenant. It runs inside the slices, so the API and the pages share it.
/// </summary>
internal static class AdminAccess
{
    /// <summary>
    /// Throws <see cref="ForbiddenException"/> unless the caller is an administrator who has enrolled the
    /// authenticator app their organisation requires.
    /// </summary>
    public static void Require(CurrentUser user)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException(AdminMessages.Get("Only administrators may manage users, teams, sites, access tokens and settings."));
        }

        CredentialRules.RequireMfaEnrolled(user);
    }

    /// <summary>Like <see cref="Require"/>, and refuses read-only access tokens, which may look but never change.</summary>
    public static void RequireChange(CurrentUser user)
    {
        Require(user);
        if (user.TokenScope == TokenScope.Read)
        {
            throw new ForbiddenException(AdminMessages.Get("This access token is read-only; it cannot change administration settings."));
        }
    }

    /// <summary>
    /// Like <see cref="RequireChange"/> for changes of another user's credentials (password, authenticator, sign-in
    /// e-mail): never with a personal access token, so a leaked token cannot take over other accounts.
    /// </summary>
    public static void RequireCredentialChange(CurrentUser user)
    {
        RequireChange(user);
        CredentialRules.RequireSignIn(user);
    }
}
