using Kontor.Features.Activities.Shared;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Meetings;

internal static class ScheduleMeeting
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/meetings", async Task<Results<Created<ActivityResponse>, NotFound>> (
                MeetingRequest request, ActivityAccess access, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, access, clock, ct);
                if (created is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/activities/{created.Id}", created);
            })
            .WithName(nameof(ScheduleMeeting))
            .WithSummary("Schedule a meeting with an account or contact")
            .WithDescription("endsAt must be after startsAt; attendees are active users of the tenant and contacts the caller can see. GET /api/activities/meetings/{id}/ics returns the invitation. 404 when the record does not exist or is not visible; 403 when the caller may only read it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the meeting form. Null when the target record is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(MeetingRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fields = await request.ResolveAsync(stored: null, access.Db, access.Targets, ct);
        return await ActivityWrites.CreateAsync(access, request.Target, () => new Meeting(request.Target, fields), ct);
    }
}
