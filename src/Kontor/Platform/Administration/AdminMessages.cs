using Kontor.Resources;

namespace Kontor.Platform.Administration;

/// <summary>
/// Messages of the administration slices in the caller's language. The key is the English text, as for
/// <c>IStringLocalizer&lt;AdminText&gt;</c>; German texts live in <c>Resources/AdminText.de.resx</c>.
/// </summary>
internal static class AdminMessages
{
    public static string Get(string english) => ResourceTexts<AdminText>.Get(english);

    public static string Format(string english, params object[] arguments) => ResourceTexts<AdminText>.Format(english, arguments);
}
