using System.Text.Json.Nodes;
using Kontor.Features.Activities.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Notes;

internal static class UpdateNote
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/notes/{id:guid}", (
                Guid id, JsonObject patch, HttpRequest http, ActivityAccess access, CancellationToken ct) =>
            JsonMergePatch.PatchVersionedAsync(
                http,
                patch,
                async () => await access.Visible().OfType<Note>().SingleOrDefaultAsync(a => a.Id == id, ct) is { } stored ? NoteRequest.From(stored) : null,
                (request, expected) => ExecuteAsync(id, request, expected, access, ct)))
            .WithName(nameof(UpdateNote))
            .WithSummary("Change a note")
            .WithDescription("A JSON merge patch (RFC 7396). Requires If-Match with the ETag from GET: 428 without it, 412 when the note changed since.")
            .Accepts<NoteRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Shared by the endpoint and the note form. Null when the note is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(
        Guid id, NoteRequest request, uint? expectedVersion, ActivityAccess access, CancellationToken ct)
    {
        var note = await access.FindAsync<Note>(id, ct);
        if (note is null)
        {
            return null;
        }

        await access.RequireChangeAsync(note, ObjectPermissions.Edit, ct);
        ETags.Check(access.Db, note, expectedVersion);
        note.Apply(request.Resolve(note));
        return await ActivityWrites.SaveAsync(access, note, ct);
    }
}
