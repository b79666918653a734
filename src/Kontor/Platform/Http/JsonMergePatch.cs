using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>
    /// The <c>PATCH</c> endpoint of a versioned record: <c>If-Match</c> is required (428 without it), the patch is
    /// applied to the stored record's request, the slice runs with the expected version (412 when stale), and the
    /// answer carries the new ETag. 404 when the record does not exist or is not visible.
    /// </summary>
    public static Task<Results<Ok<TResponse>, NotFound, ProblemHttpResult>> PatchVersionedAsync<TRequest, TResponse>(
        HttpRequest http,
        JsonObject patch,
        Func<Task<TRequest?>> loadCurrent,
        Func<TRequest, uint?, Task<TResponse?>> execute)
        where TRequest : class
        where TResponse : class, IHasETag =>
        PatchVersionedAsync<TRequest, TResponse, uint?>(http, patch, ETags.TryParseIfMatch, loadCurrent, execute);

    /// <summary>
    /// The same for records whose version is not a number, such as users with Identity's concurrency stamp:
    /// <paramref name="parseIfMatch"/> reads the expected version from <c>If-Match</c>.
    /// </summary>
    public static async Task<Results<Ok<TResponse>, NotFound, ProblemHttpResult>> PatchVersionedAsync<TRequest, TResponse, TExpected>(
        HttpRequest http,
        JsonObject patch,
        IfMatchParser<TExpected> parseIfMatch,
        Func<Task<TRequest?>> loadCurrent,
        Func<TRequest, TExpected, Task<TResponse?>> execute)
        where TRequest : class
        where TResponse : class, IHasETag
    {
        if (!parseIfMatch(http.Headers.IfMatch, out var expected))
        {
            return ETags.MissingIfMatch();
        }

        if (await loadCurrent() is not { } current)
        {
            return TypedResults.NotFound();
        }

        var updated = await execute(Apply(current, patch, http.HttpContext.RequestServices.SerializerOptions()), expected);
        if (updated is null)
        {
            return TypedResults.NotFound();
        }

        http.HttpContext.Response.Headers.ETag = updated.ETag;
        return TypedResults.Ok(updated);
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
