using System.Globalization;

namespace Kontor.Platform.Validation;

/// <summary>ISO 639-1 languages known to the platform's locale data.</summary>
public static class Languages
{
    private static readonly HashSet<string> Known = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.TwoLetterISOLanguageName)
        .Where(code => code.Length == 2)
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string code) => Known.Contains(code);

    /// <summary>The language's name in the current UI culture, e.g. "Französisch" for fr in German.</summary>
    public static string DisplayName(string code) => IsKnown(code) ? CultureInfo.GetCultureInfo(code).DisplayName : code;

    /// <summary>The languages offered in forms: the common ones of Kontor's customers first.</summary>
    public static IReadOnlyList<string> Common { get; } = ["de", "en", "fr", "it", "nl", "pl", "es", "cs", "da", "sv", "pt", "tr"];
}
