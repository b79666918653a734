using System.Globalization;
using System.Resources;
using Kontor.Resources;

namespace Kontor.Platform.Administration;

/// <summary>
/// Messages of the administration slices in the caller's language. The key is the English text, as for
/// <c>IStringLocalizer&lt;AdminText&gt;</c>; German texts live in <c>Resources/AdminText.de.resx</c>.
/// </summary>
internal static class AdminMessages
{
    private static readonly ResourceManager Texts = new("Kontor.Resources.AdminText", typeof(AdminText).Assembly);

    public static string Get(string english) => Texts.GetString(english, CultureInfo.CurrentUICulture) ?? english;

    public static string Format(string english, params object[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, Get(english), arguments);
}
