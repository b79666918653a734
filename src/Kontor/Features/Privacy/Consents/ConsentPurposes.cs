using Microsoft.Extensions.Options;

namespace Kontor.Features.Privacy.Consents;

/// <summary>Settings of consent handling; section <c>Kontor:Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Kontor:Privacy";

    /// <summary>Purposes besides the built-in ones, as keys (lower case, digits and dashes), e.g. <c>newsletter-events</c>.</summary>
    public List<string> ExtraPurposes { get; init; } = [];

    /// <summary>How long a double opt-in link stays valid; 7 days unless set.</summary>
    public TimeSpan ConfirmationLinkLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Where people reach Kontor from outside (e.g. https://crm.example.com), for the link in the message; the request's own address when unset.</summary>
    public string? PublicUrl { get; init; }
}

/// <summary>The processing purposes a consent can be recorded for: the built-in ones plus those configured.</summary>
public sealed class ConsentPurposes(IOptions<PrivacyOptions> options)
{
    /// <summary>Advertising by e-mail; needs double opt-in when the legal basis is consent.</summary>
    public const string EmailMarketing = "email-marketing";

    /// <summary>Advertising calls.</summary>
    public const string PhoneMarketing = "phone-marketing";

    public IReadOnlyList<string> All { get; } =
        [EmailMarketing, PhoneMarketing, .. options.Value.ExtraPurposes.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length is > 0 and <= Consent.MaxPurposeLength).Distinct()];

    public bool IsKnown(string? purpose) => purpose is not null && All.Contains(purpose, StringComparer.Ordinal);

    /// <summary>Whether consent for the purpose is confirmed by the person through a link sent by e-mail.</summary>
    public static bool NeedsDoubleOptIn(string purpose, LegalBasis basis) => purpose == EmailMarketing && basis == LegalBasis.Consent;
}
