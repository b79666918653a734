using Kontor.Platform.Access;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Agreement;

/// <summary>The two parties of a works agreement; each approves a version on its own.</summary>
public enum AgreementParty
{
    /// <summary>The company, represented by an administrator.</summary>
    Employer,

    /// <summary>A member of the <see cref="Roles.WorksCouncil"/> role.</summary>
    WorksCouncil,
}

/// <summary>Who may do what with the versions of the agreement; checked inside the slices, so the API and the pages share it.</summary>
internal static class AgreementAccess
{
    /// <summary>The versions, their texts and approvals are for administrators and the works council.</summary>
    public static void RequireReader(CurrentUser user)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.WorksCouncil))
        {
            throw new ForbiddenException(AgreementMessages.Get("Only administrators and the works council see the versions of the works agreement."));
        }

        CredentialRules.RequireMfaEnrolled(user);
    }

    /// <summary>Administrators propose and withdraw versions, with a token that may write.</summary>
    public static void RequireProposer(CurrentUser user)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException(AgreementMessages.Get("Only administrators propose or withdraw versions of the works agreement."));
        }

        CredentialRules.RequireMfaEnrolled(user);
        CredentialRules.RequireWriteAccess(user);
    }

    /// <summary>Approving or rejecting for a party needs that party's role.</summary>
    public static void RequireParty(CurrentUser user, AgreementParty party)
    {
        var role = party == AgreementParty.Employer ? Roles.Admin : Roles.WorksCouncil;
        if (!user.IsInRole(role))
        {
            throw new ForbiddenException(party == AgreementParty.Employer
                ? AgreementMessages.Get("Only an administrator approves or rejects for the employer.")
                : AgreementMessages.Get("Only a member of the works council approves or rejects for the works council."));
        }

        CredentialRules.RequireMfaEnrolled(user);
        CredentialRules.RequireWriteAccess(user);
    }
}
