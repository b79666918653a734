using System.Text;
using Kontor.Platform.Search;

namespace Kontor.Features.Customers.Duplicates;

/// <summary>
/// Match keys of company names: folded like <see cref="SearchText.Fold"/> (case, ä → ae, ß → ss, other
/// diacritics removed), punctuation and spaces dropped, and legal forms at the end removed, so
/// "Müller GmbH &amp; Co. KG", "mueller gmbh co kg" and "Müller" all become <c>mueller</c>.
/// </summary>
public static class CompanyNames
{
    /// <summary>Column size of a company's match key.</summary>
    public const int KeyLength = 200;

    // Legal forms as folded word sequences (punctuation already turned into spaces: "e.K." → "e k").
    // Removed repeatedly from the end, so "GmbH & Co. KG" goes as kg, co, gmbh.
    private static readonly string[][] LegalForms =
    [
        .. new[]
        {
            "gmbh", "mbh", "ggmbh", "ag", "kg", "kgaa", "ohg", "gbr", "ug", "haftungsbeschraenkt", "e k", "e kfm", "e kfr", "ek", "e v", "ev",
            "e g", "eg", "se", "co", "cie", "partg", "partgmbb", "ltd", "limited", "llc", "llp", "lp", "inc", "incorporated", "corp",
            "corporation", "plc", "company", "s a", "sa", "s a r l", "sarl", "s a s", "sas", "b v", "bv", "n v", "nv", "s r l", "srl", "s p a",
            "spa", "s l", "sl", "a s", "as", "ab", "oy", "aps", "kft", "sp z o o", "s r o", "sro", "ges m b h", "gesmbh",
        }.Select(form => form.Split(' ')).OrderByDescending(words => words.Length),
    ];

    /// <summary>The match key of a company name; empty for a blank name, cut to <see cref="KeyLength"/>.</summary>
    public static string Normalize(string? name)
    {
        var words = Words(name);
        while (words.Count > 0 && TrailingLegalForm(words) is { } length && length < words.Count)
        {
            words.RemoveRange(words.Count - length, length);
        }

        // A name that is nothing but legal forms ("AG") keeps them: an empty key would match every such name.
        var key = string.Concat(words.Count > 0 ? words : Words(name));
        return key.Length <= KeyLength ? key : key[..KeyLength];
    }

    /// <summary>
    /// Similarity of two match keys between 0 and 1: one minus the Levenshtein distance divided by the longer
    /// key's length ("muellerbau" and "mullerbau" → 0.9).
    /// </summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        return 1.0 - ((double)Levenshtein(a, b) / Math.Max(a.Length, b.Length));
    }

    internal static List<string> Words(string? name)
    {
        var folded = SearchText.Fold(name);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return [.. builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static int? TrailingLegalForm(List<string> words)
    {
        foreach (var form in LegalForms)
        {
            if (form.Length <= words.Count && form.SequenceEqual(words.Skip(words.Count - form.Length), StringComparer.Ordinal))
            {
                return form.Length;
            }
        }

        return null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

/// <summary>Match keys of everything else that marks a duplicate: postal codes, person names, e-mail addresses.</summary>
public static class MatchKeys
{
    public const int PostalCodeLength = 20;
    public const int PersonNameLength = 200;

    /// <summary>Upper case without spaces or dashes ("d-70173" → "D70173"); null when blank.</summary>
    public static string? PostalCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var key = new string([.. code.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        return key.Length == 0 ? null : key.Length <= PostalCodeLength ? key : key[..PostalCodeLength];
    }

    /// <summary>Folded "first last" without punctuation or spaces ("Jörg-Peter Müller" → "joergpetermueller"); null without a last name.</summary>
    public static string? PersonName(string? firstName, string? lastName)
    {
        if (string.IsNullOrWhiteSpace(lastName))
        {
            return null;
        }

        var key = string.Concat(CompanyNames.Words(firstName).Concat(CompanyNames.Words(lastName)));
        return key.Length <= PersonNameLength ? key : key[..PersonNameLength];
    }
}
