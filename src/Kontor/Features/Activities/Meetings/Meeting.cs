using Kontor.Features.Activities.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Features.Activities.Meetings;

/// <summary>The values of a meeting after validation.</summary>
public sealed record MeetingFields(
    string Subject, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, string? Description, IReadOnlyList<Guid> UserIds, IReadOnlyList<Guid> ContactIds);

/// <summary>A meeting with a record's people: when, where, who; exported as an iCalendar invitation.</summary>
public sealed class Meeting : Activity
{
    private Meeting() => Kind = ActivityKind.Meeting; // For EF Core.

    public Meeting(RecordRef target, MeetingFields fields)
        : this()
    {
        AttachTo(target);
        Apply(fields);
    }

    /// <summary>Always after <see cref="Activity.OccurredAt"/>, the start.</summary>
    public DateTimeOffset? EndsAt { get; private set; }

    [PersonalData]
    public string? Location { get; private set; }

    public List<MeetingAttendee> Attendees { get; private set; } = [];

    public DateTimeOffset StartsAt => OccurredAt;

    public void Apply(MeetingFields fields)
    {
        Subject = fields.Subject;
        OccurredAt = fields.StartsAt;
        EndsAt = fields.EndsAt;
        Location = fields.Location;
        Body = fields.Description;
        Attendees.RemoveAll(a => a.UserId is { } user ? !fields.UserIds.Contains(user) : !fields.ContactIds.Contains(a.ContactId!.Value));
        Attendees.AddRange(fields.UserIds.Where(u => !Attendees.Any(a => a.UserId == u)).Select(MeetingAttendee.User));
        Attendees.AddRange(fields.ContactIds.Where(c => !Attendees.Any(a => a.ContactId == c)).Select(MeetingAttendee.Contact));
    }
}

/// <summary>One invited person of a meeting: a Kontor user or a contact.</summary>
public sealed class MeetingAttendee : TenantEntity
{
    private MeetingAttendee() { } // For EF Core.

    public Guid MeetingId { get; private set; }

    /// <summary>Set for a Kontor user; exactly one of this and <see cref="ContactId"/> is set.</summary>
    public Guid? UserId { get; private set; }

    public Guid? ContactId { get; private set; }

    public static MeetingAttendee User(Guid userId) => new() { UserId = userId };

    public static MeetingAttendee Contact(Guid contactId) => new() { ContactId = contactId };

    /// <summary>A merge of contacts moves the invitation to the survivor.</summary>
    internal void MoveToContact(Guid contactId) => ContactId = contactId;
}
