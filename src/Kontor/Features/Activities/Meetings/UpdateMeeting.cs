using System.Text.Json.Nodes;
using Kontor.Features.Activities.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Meetings;

internal static class UpdateMeeting
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/meetings/{id:guid}", (
                Guid id, JsonObject patch, HttpRequest http, ActivityAccess access, CancellationToken ct) =>
            JsonMergePatch.PatchVersionedAsync(
                http,
                patch,
                async () => await access.Visible().OfType<Meeting>().Include(m => m.Attendees).SingleOrDefaultAsync(a => a.Id == id, ct) is { } stored ? MeetingRequest.From(stored) : null,
                (request, expected) => ExecuteAsync(id, request, expected, access, ct)))
            .WithName(nameof(UpdateMeeting))
            .WithSummary("Change a meeting")
            .WithDescription("A JSON merge patch (RFC 7396). Requires If-Match with the ETag from GET: 428 without it, 412 when the meeting changed since.")
            .Accepts<MeetingRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Shared by the endpoint and the meeting form. Null when the meeting is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(
        Guid id, MeetingRequest request, uint? expectedVersion, ActivityAccess access, CancellationToken ct)
    {
        var meeting = await access.FindAsync<Meeting>(id, ct);
        if (meeting is null)
        {
            return null;
        }

        await access.RequireChangeAsync(meeting, ObjectPermissions.Edit, ct);
        ETags.Check(access.Db, meeting, expectedVersion);
        meeting.Apply(await request.ResolveAsync(meeting, access.Db, access.Targets, ct));
        return await ActivityWrites.SaveAsync(access, meeting, ct);
    }
}
