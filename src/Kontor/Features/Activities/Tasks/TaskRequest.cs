using Kontor.Features.Activities.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Tasks;

/// <summary>A task as clients send it: the body of <c>POST /api/activities/tasks</c>, a patched task and the task form.</summary>
public sealed class TaskRequest : ActivityRequest
{
    [Mandatory, MaxChars(ActivityLimits.SubjectLength)]
    public string Subject { get; set; } = "";

    [MaxChars(ActivityLimits.BodyLength)]
    public string? Description { get; set; }

    /// <summary>The day the task is due, in the assignee's time zone.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>An active user of the tenant; the caller when left out on create.</summary>
    public Guid? AssigneeId { get; set; }

    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    public TaskItemStatus Status { get; set; } = TaskItemStatus.Open;

    public static TaskRequest From(TaskItem task) => new()
    {
        TargetType = task.TargetType,
        TargetId = task.TargetId,
        Subject = task.Subject ?? "",
        Description = task.Body,
        DueOn = task.DueOn,
        AssigneeId = task.AssigneeId,
        Priority = task.Priority,
        Status = task.Status,
    };

    internal async Task<TaskFields> ResolveAsync(TaskItem? stored, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        var errors = Validate(stored);
        var assignee = AssigneeId ?? (stored is null ? user.Id : Guid.Empty);
        if (AssigneeId is null && stored is not null)
        {
            Add(errors, "assigneeId", ValidationMessages.Mandatory);
        }
        else if (assignee != stored?.AssigneeId && assignee != user.Id && !await db.Users.AnyAsync(u => u.Id == assignee && u.IsActive, ct))
        {
            Add(errors, "assigneeId", ValidationMessages.UnknownUser);
        }

        ThrowIfAny(errors);
        return new TaskFields(Subject.Trim(), Normalize.Text(Description), DueOn, assignee, Priority, Status);
    }
}
