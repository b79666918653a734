using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kontor.Features.Activities.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Meetings;

internal static class ExportMeetingInvite
{
    public const string ContentType = "text/calendar";

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/meetings/{id:guid}/ics", async Task<Results<FileContentHttpResult, NotFound>> (
                Guid id, ActivityAccess access, TimeProvider clock, CancellationToken ct) =>
            await ExecuteAsync(id, access, clock, ct) is { } invite
                ? TypedResults.File(Encoding.UTF8.GetBytes(invite), $"{ContentType}; charset=utf-8", $"meeting-{id}.ics")
                : TypedResults.NotFound())
            .WithName(nameof(ExportMeetingInvite))
            .WithSummary("Download a meeting as an iCalendar invitation (.ics)")
            .WithDescription("METHOD:REQUEST with a UID that stays the same for the meeting, so calendars update rather than duplicate it; times in UTC; the creator as organizer and every attendee with an e-mail address.")
            .Produces<string>(StatusCodes.Status200OK, ContentType);

    /// <summary>The same download for the web UI, signed in with the session cookie rather than a bearer token.</summary>
    public static void MapForUi(IEndpointRouteBuilder app) =>
        app.MapGet("/meetings/{id:guid}/invite.ics", async Task<Results<FileContentHttpResult, NotFound>> (
                Guid id, ActivityAccess access, TimeProvider clock, CancellationToken ct) =>
            await ExecuteAsync(id, access, clock, ct) is { } invite
                ? TypedResults.File(Encoding.UTF8.GetBytes(invite), $"{ContentType}; charset=utf-8", $"meeting-{id}.ics")
                : TypedResults.NotFound())
            .RequireAuthorization()
            .ExcludeFromDescription();

    /// <summary>The invitation as iCalendar text; null when the meeting is not visible.</summary>
    public static async Task<string?> ExecuteAsync(Guid id, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        if ((await ActivityResponse.LoadAsync(access, [id], ct)).SingleOrDefault() is not { Kind: ActivityKind.Meeting } meeting)
        {
            return null;
        }

        var organizerEmail = meeting.CreatedBy is { } creator
            ? meeting.Attendees!.FirstOrDefault(a => a.UserId == creator)?.Email ?? await OrganizerEmailAsync(access, creator, ct)
            : null;
        var calendar = new Calendar { Method = "REQUEST" };
        calendar.AddProperty("X-WR-CALNAME", "Kontor");
        var invite = new CalendarEvent
        {
            Uid = $"{meeting.Id}@kontor",
            Summary = meeting.Subject,
            Description = meeting.Body,
            Location = meeting.Location,
            DtStart = new CalDateTime(meeting.OccurredAt.UtcDateTime),
            DtEnd = new CalDateTime(meeting.EndsAt!.Value.UtcDateTime),
            DtStamp = new CalDateTime(clock.GetUtcNow().UtcDateTime),
            Created = new CalDateTime(meeting.CreatedAt.UtcDateTime),
            LastModified = new CalDateTime(meeting.UpdatedAt.UtcDateTime),
        };
        if (organizerEmail is not null)
        {
            invite.Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = meeting.CreatedByName };
        }

        foreach (var attendee in meeting.Attendees!.Where(a => !string.IsNullOrWhiteSpace(a.Email)))
        {
            invite.Attendees.Add(new Attendee($"mailto:{attendee.Email}")
            {
                CommonName = attendee.Name,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = true,
            });
        }

        calendar.Events.Add(invite);
        return new CalendarSerializer().SerializeToString(calendar);
    }

    private static async Task<string?> OrganizerEmailAsync(ActivityAccess access, Guid userId, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            access.Db.Users.Where(u => u.Id == userId).Select(u => u.Email), ct);
}
