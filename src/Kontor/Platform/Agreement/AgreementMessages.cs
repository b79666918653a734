using Kontor.Resources;

namespace Kontor.Platform.Agreement;

/// <summary>
/// Messages of the works agreement in the caller's language, for the API and the pages alike. The key is the
/// English text, as for <c>IStringLocalizer&lt;AgreementText&gt;</c>; German texts live in <c>Resources/AgreementText.de.resx</c>.
/// </summary>
internal static class AgreementMessages
{
    public static string Get(string english) => ResourceTexts<AgreementText>.Get(english);

    public static string Format(string english, params object[] arguments) => ResourceTexts<AgreementText>.Format(english, arguments);

    /// <summary>A status as the pages and messages name it.</summary>
    public static string Status(AgreementStatus status) => Get(status switch
    {
        AgreementStatus.Proposed => "still waiting for approval",
        AgreementStatus.InForce => "already in force",
        AgreementStatus.Superseded => "superseded by a later version",
        AgreementStatus.Rejected => "rejected by a party",
        AgreementStatus.Withdrawn => "withdrawn by an administrator",
        _ => status.ToString(),
    });

    /// <summary>A party as the pages and messages name it.</summary>
    public static string Party(AgreementParty party) => Get(party == AgreementParty.Employer ? "the employer" : "the works council");
}
