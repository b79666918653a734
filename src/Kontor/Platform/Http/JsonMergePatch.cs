using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kontor.Platform.Http;

/// <summary>
/// RFC 7396 JSON merge patch: fields present in the patch replace the stored ones, <c>null</c> clears a
/// field, nested objects merge, absent fields stay. The result is read back into the full request type,
/// so unknown fields and wrong types fail exactly as they do on create.
/// </summary>
public static class JsonMergePatch
{
    public const string ContentType = "application/merge-patch+json";

    public static T Apply<T>(T current, JsonObject patch, JsonSerializerOptions options)
    {
        var target = JsonSerializer.SerializeToNode(current, options)!.AsObject();
        Merge(target, patch);
        return target.Deserialize<T>(options)
            ?? throw new JsonException("The patch must be a JSON object.");
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            // Field names match case-insensitively, as on create; the stored spelling wins.
            var key = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                Merge(existing, nested);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
