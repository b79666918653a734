namespace Kontor.Resources;

/// <summary>Texts of the privacy pages (data-subject requests, consent) and messages of the privacy slices.</summary>
public sealed class PrivacyText
{
    private PrivacyText()
    {
    }

    /// <summary>A message of the privacy slices in the current UI culture; the English key when there is no translation.</summary>
    internal static string Message(string english) => ResourceTexts<PrivacyText>.Get(english);

    internal static string Format(string english, params object[] arguments) => ResourceTexts<PrivacyText>.Format(english, arguments);
}
