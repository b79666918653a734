namespace Kontor.Resources;

/// <summary>Texts of retention: its rules, statutory periods, runs and legal holds.</summary>
public sealed class RetentionText
{
    private RetentionText()
    {
    }

    /// <summary>A message of the retention slices (field errors, refusals) in the current UI culture; the English key when there is no translation.</summary>
    internal static string Message(string english) => ResourceTexts<RetentionText>.Get(english);

    /// <summary>A message with placeholders, formatted in the current culture.</summary>
    internal static string Format(string english, params object[] arguments) => ResourceTexts<RetentionText>.Format(english, arguments);
}
