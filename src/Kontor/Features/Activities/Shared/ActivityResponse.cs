using System.Text.Json.Serialization;
using Kontor.Features.Activities.Calls;
using Kontor.Features.Activities.Meetings;
using Kontor.Features.Activities.Notes;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Customers;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Shared;

/// <summary>One invited person of a meeting; the name is null for a contact the caller cannot see.</summary>
public sealed record AttendeeResponse(Guid? UserId, Guid? ContactId, string? Name, string? Email);

/// <summary>
/// An activity as the API returns it and the timeline shows it. Fields of other kinds are null: <c>dueOn</c>,
/// <c>assigneeId</c>, <c>priority</c>, <c>status</c> and <c>completedAt</c> belong to tasks, <c>direction</c>,
/// <c>outcome</c> and <c>durationSeconds</c> to calls, <c>endsAt</c>, <c>location</c> and <c>attendees</c> to meetings (a visit has <c>endsAt</c> and <c>location</c> too; its report is read from <c>/api/visits</c>).
/// </summary>
public sealed record ActivityResponse(
    Guid Id,
    ActivityKind Kind,
    string TargetType,
    Guid TargetId,
    string? TargetName,
    string? Subject,
    string? Body,
    string? BodyHtml,
    DateTimeOffset OccurredAt,
    DateOnly? DueOn,
    Guid? AssigneeId,
    string? AssigneeName,
    TaskPriority? Priority,
    TaskItemStatus? Status,
    DateTimeOffset? CompletedAt,
    CallDirection? Direction,
    CallOutcome? Outcome,
    int? DurationSeconds,
    DateTimeOffset? EndsAt,
    string? Location,
    IReadOnlyList<AttendeeResponse>? Attendees,
    DateTimeOffset CreatedAt,
    Guid? CreatedBy,
    string? CreatedByName,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    [property: JsonIgnore] uint Version) : IHasETag
{
    /// <summary>The version to send in <c>If-Match</c> when changing the activity.</summary>
    public string ETag => ETags.For(Version);

    /// <summary>The visible activities among <paramref name="ids"/> as responses, in the order of the ids.</summary>
    internal static async Task<IReadOnlyList<ActivityResponse>> LoadAsync(ActivityAccess access, IReadOnlyList<Guid> ids, CancellationToken ct, bool deleted = false)
    {
        var activities = await access.Visible(deleted).Where(a => ids.Contains(a.Id))
            .Include(a => ((Meeting)a).Attendees)
            .ToDictionaryAsync(a => a.Id, ct);
        var found = ids.Where(activities.ContainsKey).Select(id => activities[id]).ToList();
        return await DescribeAsync(access, found, ct);
    }

    /// <summary>Responses for loaded activities, with the names of targets, users and attendees read in a few queries.</summary>
    internal static async Task<IReadOnlyList<ActivityResponse>> DescribeAsync(ActivityAccess access, IReadOnlyList<Activity> activities, CancellationToken ct)
    {
        var db = access.Db;
        var attendees = activities.OfType<Meeting>().SelectMany(m => m.Attendees).ToList();
        var userIds = activities.Select(a => a.CreatedBy).OfType<Guid>()
            .Concat(activities.OfType<TaskItem>().Select(t => t.AssigneeId))
            .Concat(attendees.Select(a => a.UserId).OfType<Guid>())
            .Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => (Name: UserNames.Of(u.FirstName, u.LastName, u.Email), u.Email), ct);
        var contactKey = CustomerObjects.Contacts.Key;
        var labels = await access.Targets.LabelsAsync(
            db,
            activities.Select(a => a.Target).Concat(attendees.Select(a => a.ContactId).OfType<Guid>().Select(id => new RecordRef(contactKey, id))),
            ct);

        string? UserName(Guid? id) => id is { } user && users.TryGetValue(user, out var found) ? found.Name : null;

        AttendeeResponse Attendee(MeetingAttendee a) => a.UserId is { } user
            ? new AttendeeResponse(user, null, UserName(user), users.TryGetValue(user, out var u) ? u.Email : null)
            : labels.TryGetValue(new RecordRef(contactKey, a.ContactId!.Value), out var label)
                ? new AttendeeResponse(null, a.ContactId, label.Name, label.Email)
                : new AttendeeResponse(null, a.ContactId, null, null);

        return [.. activities.Select(a =>
        {
            var task = a as TaskItem;
            var call = a as Call;
            var meeting = a as Meeting;
            var visit = a as Visits.Visit;
            return new ActivityResponse(
                a.Id,
                a.Kind,
                a.TargetType,
                a.TargetId,
                labels.TryGetValue(a.Target, out var target) ? target.Name : null,
                a.Subject,
                a.Body,
                a is Note ? NoteMarkdown.ToSafeHtml(a.Body) : null,
                a.OccurredAt,
                task?.DueOn,
                task?.AssigneeId,
                UserName(task?.AssigneeId),
                task?.Priority,
                task?.Status,
                task?.CompletedAt,
                call?.Direction,
                call?.Outcome,
                call?.DurationSeconds,
                meeting?.EndsAt ?? visit?.EndsAt,
                meeting?.Location ?? visit?.Location,
                meeting is null ? null : [.. meeting.Attendees.Select(Attendee).OrderBy(x => x.Name, StringComparer.CurrentCulture)],
                a.CreatedAt,
                a.CreatedBy,
                UserName(a.CreatedBy),
                a.UpdatedAt,
                a.DeletedAt,
                a.Version);
        })];
    }
}
