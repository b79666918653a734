using System.Globalization;
using System.Text;

namespace Kontor.Platform.Search;

/// <summary>
/// Folds text for sorting and substring search the same way on SQLite and PostgreSQL:
/// lower case, German umlauts spelled out (ä → ae, ß → ss), other diacritics removed.
/// Stored in a column next to the original so both databases compare plain ASCII-like text.
/// </summary>
public static class SearchText
{
    /// <summary>Column size of folded sort keys: folding can double a name's length (ä → ae), longer keys are cut.</summary>
    public const int SortKeyLength = 420;

    /// <summary>Column size of the folded search terms of a record; terms beyond it are not searchable.</summary>
    public const int TermsLength = 2000;

    public static string Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value.Trim().ToLowerInvariant())
        {
            switch (c)
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                default: builder.Append(c); break;
            }
        }

        var decomposed = builder.ToString().Normalize(NormalizationForm.FormD);
        builder.Clear();
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var isSpace = char.IsWhiteSpace(c);
            if (!(isSpace && lastWasSpace))
            {
                builder.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded sort key of a name, cut to <see cref="SortKeyLength"/>.</summary>
    public static string SortKey(string? value) => Cut(Fold(value), SortKeyLength);

    /// <summary>Joins the folded parts with a separator no search term can span, cut to <see cref="TermsLength"/>.</summary>
    public static string Combine(params string?[] parts) =>
        Cut(string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Fold)), TermsLength);

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];

    /// <summary>
    /// The digits by which people search a phone number: an E.164 number without its plus sign, or a typed
    /// number without leading zeros or international prefix ("0711 12 34" → "7111234"), so the typed number
    /// is a substring of the stored one.
    /// </summary>
    public static string? PhoneDigits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return phone.TrimStart().StartsWith('+') ? digits : digits.TrimStart('0');
    }

    /// <summary>True when the search term looks like (part of) a phone number.</summary>
    public static bool LooksLikePhone(string term) =>
        term.Count(char.IsAsciiDigit) >= 3 && term.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '/' or '(' or ')' or '.');
}
