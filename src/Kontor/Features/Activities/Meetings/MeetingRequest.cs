using Kontor.Features.Activities.Shared;
using Kontor.Features.Customers;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Meetings;

/// <summary>A meeting as clients send it: the body of <c>POST /api/activities/meetings</c>, a patched meeting and the meeting form.</summary>
public sealed class MeetingRequest : ActivityRequest
{
    [Mandatory, MaxChars(ActivityLimits.SubjectLength)]
    public string Subject { get; set; } = "";

    [Mandatory]
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>After <see cref="StartsAt"/>.</summary>
    [Mandatory]
    public DateTimeOffset? EndsAt { get; set; }

    [MaxChars(ActivityLimits.LocationLength)]
    public string? Location { get; set; }

    [MaxChars(ActivityLimits.BodyLength)]
    public string? Description { get; set; }

    /// <summary>Kontor users invited; each an active user of the tenant.</summary>
    public List<Guid> AttendeeUserIds { get; set => field = value ?? []; } = [];

    /// <summary>Contacts invited; each a contact the caller can see.</summary>
    public List<Guid> AttendeeContactIds { get; set => field = value ?? []; } = [];

    public static MeetingRequest From(Meeting meeting) => new()
    {
        TargetType = meeting.TargetType,
        TargetId = meeting.TargetId,
        Subject = meeting.Subject ?? "",
        StartsAt = meeting.StartsAt,
        EndsAt = meeting.EndsAt,
        Location = meeting.Location,
        Description = meeting.Body,
        AttendeeUserIds = [.. meeting.Attendees.Select(a => a.UserId).OfType<Guid>()],
        AttendeeContactIds = [.. meeting.Attendees.Select(a => a.ContactId).OfType<Guid>()],
    };

    internal async Task<MeetingFields> ResolveAsync(Meeting? stored, KontorDb db, RecordTargets targets, CancellationToken ct)
    {
        var errors = Validate(stored);
        if (StartsAt is { } start && EndsAt is { } end && end <= start)
        {
            Add(errors, "endsAt", "The meeting must end after it starts.");
        }

        var users = AttendeeUserIds.Distinct().ToList();
        var contacts = AttendeeContactIds.Distinct().ToList();
        if (users.Count + contacts.Count > ActivityLimits.MaxAttendees)
        {
            Add(errors, "attendeeUserIds", $"Invite at most {ActivityLimits.MaxAttendees} people.");
        }
        else
        {
            // Attendees already invited stay even when they were deactivated or hidden since; new ones must be valid.
            var keptUsers = stored?.Attendees.Select(a => a.UserId).OfType<Guid>().ToHashSet() ?? [];
            var newUsers = users.Where(u => !keptUsers.Contains(u)).ToList();
            if (newUsers.Count > 0 && await db.Users.CountAsync(u => newUsers.Contains(u.Id) && u.IsActive, ct) != newUsers.Count)
            {
                Add(errors, "attendeeUserIds", ValidationMessages.UnknownUser);
            }

            var keptContacts = stored?.Attendees.Select(a => a.ContactId).OfType<Guid>().ToHashSet() ?? [];
            var newContacts = contacts.Where(c => !keptContacts.Contains(c)).ToList();
            if (newContacts.Count > 0
                && (targets.Find(CustomerObjects.Contacts.Key) is not { } contactTarget
                    || (await contactTarget.LabelsAsync(db, newContacts, ct)).Count != newContacts.Count))
            {
                Add(errors, "attendeeContactIds", "There is no contact with this id, or you cannot see it.");
            }
        }

        ThrowIfAny(errors);
        return new MeetingFields(
            Subject.Trim(), StartsAt!.Value.ToUniversalTime(), EndsAt!.Value.ToUniversalTime(), Normalize.Text(Location), Normalize.Text(Description), users, contacts);
    }
}
