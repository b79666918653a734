using System.ComponentModel.DataAnnotations;
using Kontor.Features.Activities.Shared;
using Kontor.Platform.Validation;
using Kontor.Resources;

namespace Kontor.Features.Activities.Calls;

/// <summary>A logged call as clients send it: the body of <c>POST /api/activities/calls</c>, a patched call and the call form.</summary>
public sealed class CallRequest : ActivityRequest
{
    public CallDirection Direction { get; set; } = CallDirection.Outbound;

    public CallOutcome Outcome { get; set; } = CallOutcome.Reached;

    [Range(0, ActivityLimits.MaxCallSeconds, ErrorMessageResourceType = typeof(ValidationMessages), ErrorMessageResourceName = nameof(ValidationMessages.Range))]
    public int DurationSeconds { get; set; }

    /// <summary>When the call took place; now when left out on create.</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    [MaxChars(ActivityLimits.SubjectLength)]
    public string? Subject { get; set; }

    [MaxChars(ActivityLimits.BodyLength)]
    public string? Notes { get; set; }

    public static CallRequest From(Call call) => new()
    {
        TargetType = call.TargetType,
        TargetId = call.TargetId,
        Direction = call.Direction,
        Outcome = call.Outcome,
        DurationSeconds = call.DurationSeconds,
        OccurredAt = call.OccurredAt,
        Subject = call.Subject,
        Notes = call.Body,
    };

    internal CallFields Resolve(Call? stored, DateTimeOffset now)
    {
        var errors = Validate(stored);
        if (OccurredAt is null && stored is not null)
        {
            Add(errors, "occurredAt", ValidationMessages.Mandatory);
        }

        ThrowIfAny(errors);
        return new CallFields(Direction, Outcome, DurationSeconds, (OccurredAt ?? now).ToUniversalTime(), Normalize.Text(Subject), Normalize.Text(Notes));
    }
}
