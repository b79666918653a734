using Kontor.Features.Privacy.Consents;
using Kontor.Features.Privacy.Requests;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Privacy.Pages;

/// <summary>The words the privacy pages show for enum values and subject types.</summary>
internal static class PrivacyLabels
{
    public static string Kind(IStringLocalizer<PrivacyText> l, DataSubjectRequestKind kind) => kind switch
    {
        DataSubjectRequestKind.Access => l["Access and export"],
        DataSubjectRequestKind.Erasure => l["Erasure"],
        DataSubjectRequestKind.Rectification => l["Rectification"],
        DataSubjectRequestKind.Restriction => l["Restriction"],
        DataSubjectRequestKind.Objection => l["Objection"],
        _ => kind.ToString(),
    };

    public static string Status(IStringLocalizer<PrivacyText> l, DataSubjectRequestStatus status) => status switch
    {
        DataSubjectRequestStatus.Open => l["Open"],
        DataSubjectRequestStatus.InProgress => l["In progress"],
        DataSubjectRequestStatus.Completed => l["Completed"],
        DataSubjectRequestStatus.Refused => l["Refused"],
        _ => status.ToString(),
    };

    public static string Channel(IStringLocalizer<PrivacyText> l, DataSubjectRequestChannel channel) => channel switch
    {
        DataSubjectRequestChannel.Email => l["E-mail"],
        DataSubjectRequestChannel.Letter => l["Letter"],
        DataSubjectRequestChannel.Phone => l["Phone"],
        DataSubjectRequestChannel.WebForm => l["Web form"],
        DataSubjectRequestChannel.InPerson => l["In person"],
        DataSubjectRequestChannel.Other => l["Other"],
        _ => channel.ToString(),
    };

    public static string Subject(IStringLocalizer<PrivacyText> l, string type) => type switch
    {
        "contact" => l["Contact"],
        "lead" => l["Lead"],
        "employee" => l["Employee"],
        _ => type,
    };

    public static string ConsentState(IStringLocalizer<PrivacyText> l, ConsentStatus status) => status switch
    {
        ConsentStatus.Requested => l["Waiting for confirmation"],
        ConsentStatus.Granted => l["Granted"],
        ConsentStatus.Withdrawn => l["Withdrawn"],
        _ => status.ToString(),
    };

    public static string Basis(IStringLocalizer<PrivacyText> l, LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => l["Consent (Art. 6(1)(a))"],
        LegalBasis.Contract => l["Contract (Art. 6(1)(b))"],
        LegalBasis.LegalObligation => l["Legal obligation (Art. 6(1)(c))"],
        LegalBasis.VitalInterests => l["Vital interests (Art. 6(1)(d))"],
        LegalBasis.PublicTask => l["Public task (Art. 6(1)(e))"],
        LegalBasis.LegitimateInterests => l["Legitimate interests (Art. 6(1)(f))"],
        _ => basis.ToString(),
    };

    public static string Source(IStringLocalizer<PrivacyText> l, ConsentSource source) => source switch
    {
        ConsentSource.WebForm => l["Web form"],
        ConsentSource.Import => l["Import"],
        ConsentSource.Ui => l["Kontor (web)"],
        ConsentSource.Api => l["API"],
        ConsentSource.Phone => l["Phone"],
        _ => source.ToString(),
    };

    public static string Purpose(IStringLocalizer<PrivacyText> l, string purpose) => purpose switch
    {
        ConsentPurposes.EmailMarketing => l["Marketing e-mail"],
        ConsentPurposes.PhoneMarketing => l["Marketing calls"],
        _ => purpose,
    };

    public static string SubjectLink(string type, Guid id) => type switch
    {
        "contact" => $"/contacts/{id}",
        "lead" => $"/leads/{id}",
        _ => $"/admin/users/{id}",
    };
}
