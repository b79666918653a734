using Kontor.Features.Activities.Shared;
using Kontor.Platform.Records;

namespace Kontor.Features.Activities.Calls;

/// <summary>Who called whom.</summary>
public enum CallDirection
{
    Inbound,
    Outbound,
}

/// <summary>How a call ended.</summary>
public enum CallOutcome
{
    Reached,
    NoAnswer,
    Voicemail,
    Busy,
    WrongNumber,
}

/// <summary>The values of a logged call after validation.</summary>
public sealed record CallFields(CallDirection Direction, CallOutcome Outcome, int DurationSeconds, DateTimeOffset OccurredAt, string? Subject, string? Notes);

/// <summary>A phone call with a record's people, logged after it took place.</summary>
public sealed class Call : Activity
{
    private Call() => Kind = ActivityKind.Call; // For EF Core.

    public Call(RecordRef target, CallFields fields)
        : this()
    {
        AttachTo(target);
        Apply(fields);
    }

    public CallDirection Direction { get; private set; }
    public CallOutcome Outcome { get; private set; }
    public int DurationSeconds { get; private set; }

    public void Apply(CallFields fields)
    {
        Direction = fields.Direction;
        Outcome = fields.Outcome;
        DurationSeconds = fields.DurationSeconds;
        OccurredAt = fields.OccurredAt;
        Subject = fields.Subject;
        Body = fields.Notes;
    }
}
