namespace Kontor.Resources;

/// <summary>Texts of the leads pages, the web-to-lead form and the assignment and scoring rules.</summary>
public sealed class LeadsText
{
    private LeadsText()
    {
    }

    /// <summary>A message of the leads slices (field errors, refusals) in the current UI culture; the English key when there is no translation.</summary>
    internal static string Message(string english) => ResourceTexts<LeadsText>.Get(english);
}
