using Kontor.Platform.Access;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Resources;

namespace Kontor.Features.Privacy;

/// <summary>
/// The permission "manage data-subject rights" (requests, exports, erasure, consent): administrators only, because
/// an export shows everything about a person and an erasure cannot be undone. Checked inside every privacy slice,
/// so the API and the pages share it.
/// </summary>
internal static class PrivacyAccess
{
    /// <summary>Throws <see cref="ForbiddenException"/> unless the caller is an administrator with MFA enrolled where required.</summary>
    public static void Require(CurrentUser user)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException(PrivacyText.Message("Only administrators may handle data-subject requests, exports, erasure and consent."));
        }

        CredentialRules.RequireMfaEnrolled(user);
    }

    /// <summary>Like <see cref="Require"/>, and refuses read-only access tokens.</summary>
    public static void RequireChange(CurrentUser user)
    {
        Require(user);
        if (user.TokenScope == TokenScope.Read)
        {
            throw new ForbiddenException(PrivacyText.Message("This access token is read-only; it cannot change privacy records."));
        }
    }

    public static bool Allows(CurrentUser user) => user.IsInRole(Roles.Admin);
}
