using System.Reflection;
using System.Text.Json;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Http;

namespace Kontor.Features.Customers.Duplicates;

/// <summary>Which of the two merged records' value a field keeps.</summary>
public enum MergeSide
{
    Survivor,
    Merged,
}

/// <summary>The body of <c>POST /api/accounts/{id}/merge</c> and <c>POST /api/contacts/{id}/merge</c>; also the model of the merge dialog.</summary>
public sealed class MergeRequest
{
    /// <summary>The record merged into the survivor (the record of the route); it goes away.</summary>
    public Guid MergedId { get; set; }

    /// <summary>
    /// Per field (named as in the record's request, e.g. <c>phone</c>, <c>billingAddress</c>) which record's value wins.
    /// A field not named keeps the survivor's value, or takes the merged record's value where the survivor's is empty.
    /// </summary>
    public Dictionary<string, MergeSide>? FieldChoices { get; set; }
}

/// <summary>Combines the requests of two records field by field, as a merge's field choices say.</summary>
internal static class MergeFields
{
    /// <summary>The fields a merge offers to choose for a request type, by API name.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Of<TRequest>() =>
        typeof(TRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.OrdinalIgnoreCase);

    /// <summary>Throws a 400 for a merge with itself, without a merged record, or naming unknown fields.</summary>
    public static void Validate<TRequest>(MergeRequest request, Guid survivorId)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.MergedId == Guid.Empty)
        {
            errors["mergedId"] = ["Name the record to merge into this one."];
        }
        else if (request.MergedId == survivorId)
        {
            errors["mergedId"] = ["A record cannot be merged with itself."];
        }

        var fields = Of<TRequest>();
        var unknown = (request.FieldChoices?.Keys ?? Enumerable.Empty<string>()).Where(k => !fields.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            errors["fieldChoices"] = [$"Unknown fields: {string.Join(", ", unknown)}. Choose among: {string.Join(", ", fields.Keys)}."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>The survivor's request with the merged record's values where chosen or where the survivor has none.</summary>
    public static TRequest Combine<TRequest>(TRequest survivor, TRequest merged, IReadOnlyDictionary<string, MergeSide>? choices)
    {
        var chosen = new Dictionary<string, MergeSide>(choices ?? new Dictionary<string, MergeSide>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, property) in Of<TRequest>())
        {
            var takeMerged = chosen.TryGetValue(name, out var side) ? side == MergeSide.Merged : IsEmpty(property.GetValue(survivor));
            if (takeMerged)
            {
                property.SetValue(survivor, property.GetValue(merged));
            }
        }

        return survivor;
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        AddressRequest address => address.Street is null && address.PostalCode is null && address.City is null && address.Region is null && address.Country is null,
        ValueType => value.Equals(Activator.CreateInstance(value.GetType())),
        _ => false,
    };
}
