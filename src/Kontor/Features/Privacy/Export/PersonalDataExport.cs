using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Kontor.Platform.Records;

namespace Kontor.Features.Privacy.Export;

/// <summary>Everything stored about one person, in sections; the same model is written as JSON and as CSV.</summary>
/// <param name="SubjectType"><c>contact</c>, <c>lead</c> or <c>employee</c>.</param>
/// <param name="SubjectId">The record's or user's id.</param>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="RowLimit">The most rows a section holds; a section with more says so in <see cref="ExportSection.Truncated"/>.</param>
/// <param name="Sections">The record, its relations, activities, history, consents, requests and log entries.</param>
public sealed record PersonalDataExport(string SubjectType, Guid SubjectId, DateTimeOffset ExportedAt, int RowLimit, IReadOnlyList<ExportSection> Sections);

/// <summary>One kind of data about the person (<c>contact</c>, <c>activities</c>, <c>fieldHistory</c> …).</summary>
public sealed record ExportSection(string Name, bool Truncated, IReadOnlyList<ExportRecord> Records);

/// <summary>One stored row: its type, id and every field as text (ISO 8601 times, invariant numbers).</summary>
public sealed record ExportRecord(string Type, Guid Id, IReadOnlyDictionary<string, string?> Fields);

/// <summary>Turns a stored row into an <see cref="ExportRecord"/>: every readable property, nested values flattened.</summary>
internal static class ExportFields
{
    /// <summary>Credentials and concurrency stamps of a user: not data about the person, and never handed out.</summary>
    private static readonly HashSet<string> Secrets = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SecretHash",
    };

    public static ExportRecord Of(string type, Guid id, object row)
    {
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        Add(fields, "", row, depth: 0);
        return new ExportRecord(type, id, fields);
    }

    private static void Add(IDictionary<string, string?> fields, string prefix, object row, int depth)
    {
        foreach (var property in row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0 || Secrets.Contains(property.Name))
            {
                continue;
            }

            var name = prefix + property.Name;
            var value = property.GetValue(row);
            if (value is null || IsScalar(value.GetType()))
            {
                fields[name] = Format(value);
            }
            else if (value is IEnumerable<Guid> ids)
            {
                fields[name] = string.Join(';', ids);
            }
            else if (value is IEnumerable or RecordRef)
            {
                fields[name] = value is RecordRef record ? record.ToString() : JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
            }
            else if (depth < 2)
            {
                Add(fields, name + ".", value, depth + 1);
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeSpan);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("O", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
