using System.Globalization;

namespace Kontor.Platform.Audit;

/// <summary>How field history writes a value: culture-invariant, enums by name, times as ISO 8601 UTC, ids as GUIDs.</summary>
internal static class FieldValues
{
    public const int MaxLength = 4000;

    public static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            Enum e => e.ToString(),
            bool b => b ? "true" : "false",
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            Guid g => g.ToString("D"),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is { Length: > MaxLength } ? text[..MaxLength] : text;
    }
}
