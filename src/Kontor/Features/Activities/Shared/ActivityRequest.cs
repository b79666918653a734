using Kontor.Platform.Http;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;

namespace Kontor.Features.Activities.Shared;

/// <summary>The record an activity is attached to, common to the requests of every kind.</summary>
public abstract class ActivityRequest
{
    /// <summary>The record's type: <c>account</c> or <c>contact</c>.</summary>
    [Mandatory, MaxChars(40)]
    public string TargetType { get; set; } = "";

    [Mandatory]
    public Guid? TargetId { get; set; }

    internal RecordRef Target => new(TargetType.Trim(), TargetId ?? Guid.Empty);

    /// <summary>Starts the field errors of a request: its annotations, and on a change a target that must stay.</summary>
    internal Dictionary<string, string[]> Validate(Activity? stored)
    {
        var errors = RequestValidator.Validate(this);
        if (stored is not null && (TargetType != stored.TargetType || TargetId != stored.TargetId))
        {
            errors[TargetId == stored.TargetId ? "targetType" : "targetId"] = ["An activity stays with its record; create a new one for another record."];
        }

        return errors;
    }

    internal static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    internal static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
