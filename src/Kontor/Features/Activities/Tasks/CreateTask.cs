using Kontor.Features.Activities.Shared;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Tasks;

internal static class CreateTask
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/tasks", async Task<Results<Created<ActivityResponse>, NotFound>> (
                TaskRequest request, ActivityAccess access, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, access, clock, ct);
                if (created is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/activities/{created.Id}", created);
            })
            .WithName(nameof(CreateTask))
            .WithSummary("Add a task to an account or contact")
            .WithDescription("The assignee defaults to the caller. 404 when the record does not exist or is not visible; 403 when the caller may only read it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the task form. Null when the target record is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(TaskRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var fields = await request.ResolveAsync(stored: null, access.Db, access.User, ct);
        var now = clock.GetUtcNow();
        return await ActivityWrites.CreateAsync(access, request.Target, () => new TaskItem(request.Target, fields, now), ct);
    }
}
