using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Kontor.Resources;

namespace Kontor.Platform.Validation;

// Kontor's own attributes carry localised messages (en, de) from ValidationMessages.resx, so the
// API and the forms speak the user's language with the same rule. Empty text counts as absent;
// [Mandatory] decides whether absent is allowed.

/// <summary>The value must be present and, for text, not blank.</summary>
public sealed class MandatoryAttribute : RequiredAttribute
{
    public MandatoryAttribute()
    {
        ErrorMessageResourceType = typeof(ValidationMessages);
        ErrorMessageResourceName = nameof(ValidationMessages.Mandatory);
    }
}

/// <summary>Text of at most the given number of characters.</summary>
public sealed class MaxCharsAttribute : StringLengthAttribute
{
    public MaxCharsAttribute(int maximumLength)
        : base(maximumLength)
    {
        ErrorMessageResourceType = typeof(ValidationMessages);
        ErrorMessageResourceName = nameof(ValidationMessages.MaxChars);
    }
}

/// <summary>Base for text rules that accept absent values and localise their message.</summary>
public abstract class TextRuleAttribute : ValidationAttribute
{
    protected TextRuleAttribute(string messageResourceName)
    {
        ErrorMessageResourceType = typeof(ValidationMessages);
        ErrorMessageResourceName = messageResourceName;
    }

    public sealed override bool IsValid(object? value) =>
        value is null || (value is string text && (string.IsNullOrWhiteSpace(text) || IsValidText(text.Trim())));

    protected abstract bool IsValidText(string text);
}

/// <summary>An e-mail address with a local part, an @ and a domain with a dot.</summary>
public sealed partial class EmailAttribute() : TextRuleAttribute(nameof(ValidationMessages.Email))
{
    protected override bool IsValidText(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"^[^\s@""(),:;<>\[\]\\]+@[^\s@""(),:;<>\[\]\\_]+\.[^\s@""(),:;<>\[\]\\_.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>An ISO 3166-1 alpha-2 country code, e.g. DE (slices store it in capitals).</summary>
public sealed class CountryCodeAttribute() : TextRuleAttribute(nameof(ValidationMessages.CountryCode))
{
    protected override bool IsValidText(string text) => Countries.IsValid(text.ToUpperInvariant());
}

/// <summary>A region code of the works agreement: 2 to 8 letters (EU, EEA, CH), stored in capitals.</summary>
public sealed class RegionCodeAttribute() : TextRuleAttribute(nameof(ValidationMessages.RegionCode))
{
    protected override bool IsValidText(string text) => text.Length is >= 2 and <= 8 && text.All(char.IsAsciiLetter);
}

/// <summary>An ISO 639-1 language code in small letters, e.g. de.</summary>
public sealed class LanguageCodeAttribute() : TextRuleAttribute(nameof(ValidationMessages.LanguageCode))
{
    protected override bool IsValidText(string text) =>
        text.Length == 2 && text.All(char.IsAsciiLetterLower) && Languages.IsKnown(text);
}

/// <summary>An http or https address; the scheme may be left out ("www.example.com").</summary>
public sealed class WebAddressAttribute() : TextRuleAttribute(nameof(ValidationMessages.WebAddress))
{
    protected override bool IsValidText(string text) => Normalize.WebAddress(text) is not null;
}

/// <summary>A VAT identification number: two-letter country prefix and 2–13 characters (spaces allowed).</summary>
public sealed partial class VatIdAttribute() : TextRuleAttribute(nameof(ValidationMessages.VatId))
{
    protected override bool IsValidText(string text) => Pattern().IsMatch(Normalize.VatId(text)!);

    [GeneratedRegex("^[A-Z]{2}[0-9A-Z+*]{2,13}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>Looks like a phone number (digits, spaces, + ( ) - / .); the slice then checks and normalises it to E.164.</summary>
public sealed partial class PhoneNumberAttribute() : TextRuleAttribute(nameof(ValidationMessages.PhoneNumber))
{
    protected override bool IsValidText(string text) => Pattern().IsMatch(text) && text.Count(char.IsAsciiDigit) is >= 4 and <= 17;

    [GeneratedRegex(@"^\+?[0-9 ()\-/.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
