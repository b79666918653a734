using Kontor.Features.Activities.Shared;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Notes;

internal static class CreateNote
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/notes", async Task<Results<Created<ActivityResponse>, NotFound>> (
                NoteRequest request, ActivityAccess access, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, access, clock, ct);
                if (created is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/activities/{created.Id}", created);
            })
            .WithName(nameof(CreateNote))
            .WithSummary("Add a note to an account or contact")
            .WithDescription("The body is Markdown; responses carry it as bodyHtml too, rendered without raw HTML or unsafe links. 404 when the record does not exist or is not visible; 403 when the caller may only read it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the note form. Null when the target record is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(NoteRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var body = request.Resolve(stored: null);
        return await ActivityWrites.CreateAsync(access, request.Target, () => new Note(request.Target, body, now), ct);
    }
}
