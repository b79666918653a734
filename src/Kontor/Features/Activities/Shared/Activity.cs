using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Features.Activities.Shared;

/// <summary>The kinds of activity; stored as the discriminator of the one Activities table.</summary>
public enum ActivityKind
{
    Task,
    Note,
    Call,
    Meeting,
    Visit,
}

/// <summary>
/// Something done or to do about a record (a task, a note, a logged call, a meeting), attached to it through
/// <see cref="TargetType"/> and <see cref="TargetId"/> (a <see cref="RecordRef"/>) rather than a column per record type.
/// </summary>
public abstract class Activity : RecordEntity
{
    public ActivityKind Kind { get; protected init; }

    /// <summary>The target's <see cref="RecordRef.Type"/>, e.g. <c>account</c>.</summary>
    public string TargetType { get; private set; } = "";

    public Guid TargetId { get; private set; }

    /// <summary>A task's or meeting's subject; the optional subject of a call.</summary>
    [PersonalData]
    public string? Subject { get; protected set; }

    /// <summary>A note's Markdown, a call's notes, a task's or meeting's description.</summary>
    [PersonalData]
    public string? Body { get; protected set; }

    /// <summary>Where the activity sits on the timeline: when a task or note was written, a call took place, a meeting starts.</summary>
    public DateTimeOffset OccurredAt { get; protected set; }

    public RecordRef Target => new(TargetType, TargetId);

    protected void AttachTo(RecordRef target)
    {
        TargetType = target.Type;
        TargetId = target.Id;
    }

    /// <summary>A merge moves the merged record's activities to the survivor.</summary>
    internal void MoveTo(RecordRef target) => AttachTo(target);
}
