using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Kontor.Platform.Http;

namespace Kontor.Platform.Validation;

/// <summary>
/// Validates a request object and its nested request objects with their data annotations. Slices call it
/// first thing in <c>ExecuteAsync</c>, so the API, the forms and imports enforce exactly the same rules.
/// Error keys are the JSON paths of the fields (<c>billingAddress.country</c>).
/// </summary>
public static class RequestValidator
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> NestedProperties = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> TextProperties = new();

    public static Dictionary<string, string[]> Validate(object request)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Collect(request, prefix: "", errors);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Throws <see cref="RequestValidationException"/> with every field error.</summary>
    public static void ThrowIfInvalid(object request)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    public static string JsonName(string propertyName) => JsonNamingPolicy.CamelCase.ConvertName(propertyName);

    private static void Collect(object instance, string prefix, Dictionary<string, List<string>> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                var key = prefix + (member.Length == 0 ? "" : JsonName(member));
                if (!errors.TryGetValue(key.TrimEnd('.'), out var list))
                {
                    errors[key.TrimEnd('.')] = list = [];
                }

                list.Add(result.ErrorMessage ?? "Invalid value.");
            }
        }

        // PostgreSQL cannot store or compare text with a NUL character; on SQLite it would cut text short.
        foreach (var property in TextProperties.GetOrAdd(instance.GetType(), FindText))
        {
            if (property.GetValue(instance) is string text && text.Contains('\0', StringComparison.Ordinal))
            {
                var key = prefix + JsonName(property.Name);
                if (!errors.TryGetValue(key, out var list))
                {
                    errors[key] = list = [];
                }

                list.Add("The text contains a NUL character, which is not allowed.");
            }
        }

        foreach (var property in NestedProperties.GetOrAdd(instance.GetType(), FindNested))
        {
            if (property.GetValue(instance) is { } nested)
            {
                Collect(nested, $"{prefix}{JsonName(property.Name)}.", errors);
            }
        }
    }

    private static PropertyInfo[] FindText(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)];

    private static PropertyInfo[] FindNested(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsClass && p.PropertyType != typeof(string)
                && p.PropertyType.Namespace?.StartsWith("Kontor", StringComparison.Ordinal) == true)];
}
