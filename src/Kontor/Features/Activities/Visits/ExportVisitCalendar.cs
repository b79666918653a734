using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kontor.Features.Activities.Meetings;
using Kontor.Features.Activities.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Visits;

internal static class ExportVisitCalendar
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/calendar.ics", async (ActivityAccess access, TimeProvider clock, CancellationToken ct) => File(await ExecuteAsync(access, clock, ct)))
            .WithName(nameof(ExportVisitCalendar))
            .WithSummary("The caller's planned visits (from 30 days back to 90 ahead) as an iCalendar file")
            .WithDescription("Each visit keeps its UID, so a calendar that imports the file again updates visits rather than duplicating them; times in UTC.")
            .Produces<string>(StatusCodes.Status200OK, ExportMeetingInvite.ContentType);

    /// <summary>The same file for the web UI, signed in with the session cookie.</summary>
    public static void MapForUi(IEndpointRouteBuilder app) =>
        app.MapGet("/visits/calendar.ics", async (ActivityAccess access, TimeProvider clock, CancellationToken ct) => File(await ExecuteAsync(access, clock, ct)))
            .RequireAuthorization()
            .ExcludeFromDescription();

    public static async Task<string> ExecuteAsync(ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var today = Tasks.ListTasks.Today(access, clock);
        var visits = await ListMyVisits.ExecuteAsync(new ListMyVisitsRequest { From = today.AddDays(-30), To = today.AddDays(62) }, access, clock, ct);
        var calendar = new Calendar { Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "Kontor visits");
        foreach (var visit in visits.Where(v => v.Status == VisitStatus.Planned))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{visit.Id}@kontor",
                Summary = visit.TargetName is { } name ? $"{visit.Subject} · {name}" : visit.Subject,
                Description = visit.Purpose,
                Location = visit.Location,
                DtStart = new CalDateTime(visit.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime((visit.EndsAt ?? visit.StartsAt.AddHours(1)).UtcDateTime),
                DtStamp = new CalDateTime(clock.GetUtcNow().UtcDateTime),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static FileContentHttpResult File(string calendar) =>
        TypedResults.File(Encoding.UTF8.GetBytes(calendar), $"{ExportMeetingInvite.ContentType}; charset=utf-8", "kontor-visits.ics");
}
