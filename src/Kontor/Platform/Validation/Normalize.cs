using PhoneNumbers;

namespace Kontor.Platform.Validation;

/// <summary>Turns accepted input into the one form Kontor stores.</summary>
public static class Normalize
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? Email(string? value) => Text(value)?.ToLowerInvariant();

    public static string? Upper(string? value) => Text(value)?.ToUpperInvariant();

    public static string? VatId(string? value) =>
        Text(value) is { } text ? new string([.. text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-')]).ToUpperInvariant() : null;

    /// <summary>An absolute http(s) URL, adding https:// when the scheme is missing; null when not a web address.</summary>
    public static string? WebAddress(string? value)
    {
        var text = Text(value);
        if (text is null)
        {
            return null;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Contains('.', StringComparison.Ordinal)
            && !uri.Host.StartsWith('.') && !uri.Host.EndsWith('.')
                ? uri.ToString()
                : null;
    }

    /// <summary>
    /// The E.164 form of a phone number (+4971112345), reading numbers without country code as numbers of
    /// <paramref name="defaultCountry"/>. Null when the number is not a valid number.
    /// </summary>
    public static string? PhoneE164(string? value, string defaultCountry)
    {
        var text = Text(value);
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }

        try
        {
            var number = Phones.Parse(text, defaultCountry);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>A stored E.164 number formatted for reading: national form for the user's country, international otherwise.</summary>
    public static string PhoneForDisplay(string e164, string homeCountry)
    {
        try
        {
            var number = Phones.Parse(e164, homeCountry);
            var region = Phones.GetRegionCodeForNumber(number);
            return Phones.Format(number, region == homeCountry ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
