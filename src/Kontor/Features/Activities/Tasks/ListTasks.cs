using System.Globalization;
using Kontor.Features.Activities.Shared;
using Kontor.Platform.Http;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Tasks;

/// <summary>Query of <c>GET /api/tasks</c>; also the state of the "My tasks" page.</summary>
public sealed class ListTasksRequest
{
    /// <summary><c>me</c> or a user id; all visible tasks when left out.</summary>
    [MaxChars(40)]
    public string? Assignee { get; set; }

    /// <summary><c>overdue</c> (before today), <c>today</c>, <c>week</c> (today and the six days after), in the caller's time zone.</summary>
    [MaxChars(20)]
    public string? Due { get; set; }

    /// <summary><c>active</c> (Open and InProgress, the default), <c>all</c>, or one status: Open, InProgress, Done, Cancelled.</summary>
    [MaxChars(20)]
    public string? Status { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListTasks
{
    /// <summary>Tasks by due date, the earliest first; tasks without a due date last.</summary>
    private static readonly KeysetSort<TaskItem> ByDue = new KeysetSort<TaskItem, DateOnly>
    {
        Name = "due",
        Key = t => t.DueOn ?? DateOnly.MaxValue,
        Format = d => d.ToString("O", CultureInfo.InvariantCulture),
        Parse = v => DateOnly.ParseExact(v, "O", CultureInfo.InvariantCulture),
    };

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListTasksRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct) =>
                ExecuteAsync(request, access, clock, ct))
            .WithName(nameof(ListTasks))
            .WithSummary("List tasks the caller can see, by due date")
            .WithDescription("assignee=me|{userId}, due=overdue|today|week (days in the caller's time zone), status=active|all|Open|InProgress|Done|Cancelled. Keyset-paged: pass nextCursor as cursor.")
            .ProducesValidationProblem();

    public static async Task<Page<ActivityResponse>> ExecuteAsync(ListTasksRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var source = Filter(request, access, clock);
        return await KeysetSorts.PageAsync(source, ByDue, request.Cursor, request.Limit, ids => ActivityResponse.LoadAsync(access, ids, ct), ct);
    }

    /// <summary>The signed-in user's active tasks that are overdue or due today: the reminder count.</summary>
    public static Task<int> CountDueAsync(ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var today = Today(access, clock);
        var me = access.User.Id;
        return access.Visible().OfType<TaskItem>()
            .Where(t => t.AssigneeId == me && (t.Status == TaskItemStatus.Open || t.Status == TaskItemStatus.InProgress) && t.DueOn <= today)
            .CountAsync(ct);
    }

    /// <summary>Today in the user's time zone.</summary>
    public static DateOnly Today(ActivityAccess access, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), access.User.TimeZone).DateTime);

    private static IQueryable<TaskItem> Filter(ListTasksRequest request, ActivityAccess access, TimeProvider clock)
    {
        var tasks = access.Visible().OfType<TaskItem>();
        if (request.Assignee is { Length: > 0 } assignee)
        {
            var id = assignee == "me" ? access.User.Id
                : Guid.TryParse(assignee, out var parsed) ? parsed
                : throw RequestValidationException.For("assignee", "Use me or a user id.");
            tasks = tasks.Where(t => t.AssigneeId == id);
        }

        tasks = request.Status switch
        {
            null or "" or "active" => tasks.Where(t => t.Status == TaskItemStatus.Open || t.Status == TaskItemStatus.InProgress),
            "all" => tasks,
            _ when Enum.TryParse<TaskItemStatus>(request.Status, ignoreCase: true, out var status) && Enum.IsDefined(status) && !request.Status.Any(char.IsAsciiDigit)
                => tasks.Where(t => t.Status == status),
            _ => throw RequestValidationException.For("status", "Use active, all, Open, InProgress, Done or Cancelled."),
        };

        var today = Today(access, clock);
        return request.Due switch
        {
            null or "" => tasks,
            "overdue" => tasks.Where(t => t.DueOn < today),
            "today" => tasks.Where(t => t.DueOn == today),
            "week" => tasks.Where(t => t.DueOn >= today && t.DueOn <= today.AddDays(6)),
            _ => throw RequestValidationException.For("due", "Use overdue, today or week."),
        };
    }
}
