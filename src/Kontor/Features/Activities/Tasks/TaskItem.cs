using Kontor.Features.Activities.Shared;
using Kontor.Platform.Records;

namespace Kontor.Features.Activities.Tasks;

/// <summary>How urgent a task is.</summary>
public enum TaskPriority
{
    Low,
    Normal,
    High,
}

/// <summary>Where a task stands; <see cref="Done"/> and <see cref="Cancelled"/> close it.</summary>
public enum TaskItemStatus
{
    Open,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>The values of a task after validation.</summary>
public sealed record TaskFields(string Subject, string? Description, DateOnly? DueOn, Guid AssigneeId, TaskPriority Priority, TaskItemStatus Status);

/// <summary>Something a user has to do about a record by a calendar date.</summary>
public sealed class TaskItem : Activity
{
    private TaskItem() => Kind = ActivityKind.Task; // For EF Core.

    public TaskItem(RecordRef target, TaskFields fields, DateTimeOffset now)
        : this()
    {
        AttachTo(target);
        OccurredAt = now;
        Apply(fields, now);
    }

    /// <summary>A calendar date, not an instant: a task is due on a day in the assignee's own time zone.</summary>
    public DateOnly? DueOn { get; private set; }

    public Guid AssigneeId { get; private set; }
    public TaskPriority Priority { get; private set; }
    public TaskItemStatus Status { get; private set; }

    /// <summary>When the task was marked done; cleared when it is reopened.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    public static bool IsClosed(TaskItemStatus status) => status is TaskItemStatus.Done or TaskItemStatus.Cancelled;

    public void Apply(TaskFields fields, DateTimeOffset now)
    {
        Subject = fields.Subject;
        Body = fields.Description;
        DueOn = fields.DueOn;
        AssigneeId = fields.AssigneeId;
        Priority = fields.Priority;
        SetStatus(fields.Status, now);
    }

    public void Complete(DateTimeOffset now) => SetStatus(TaskItemStatus.Done, now);

    private void SetStatus(TaskItemStatus status, DateTimeOffset now)
    {
        if (status == TaskItemStatus.Done && Status != TaskItemStatus.Done)
        {
            CompletedAt = now;
        }
        else if (status != TaskItemStatus.Done)
        {
            CompletedAt = null;
        }

        Status = status;
    }
}
