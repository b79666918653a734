using System.Globalization;
using System.Resources;

namespace Kontor.Resources;

/// <summary>
/// Texts of a marker type's resource files in the caller's language, for code outside components (messages of the
/// API and of business rules). The key is the English text; a missing translation answers in English.
/// </summary>
internal static class ResourceTexts<TText>
{
    private static readonly ResourceManager Texts = new(typeof(TText).FullName!, typeof(TText).Assembly);

    public static string Get(string english) => Texts.GetString(english, CultureInfo.CurrentUICulture) ?? english;

    public static string Format(string english, params object[] arguments) =>
        arguments.Length == 0 ? Get(english) : string.Format(CultureInfo.CurrentCulture, Get(english), arguments);
}
