using System.Text.Json.Nodes;
using Kontor.Features.Activities.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Tasks;

internal static class UpdateTask
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/tasks/{id:guid}", (
                Guid id, JsonObject patch, HttpRequest http, ActivityAccess access, TimeProvider clock, CancellationToken ct) =>
            JsonMergePatch.PatchVersionedAsync(
                http,
                patch,
                async () => await access.Visible().OfType<TaskItem>().SingleOrDefaultAsync(t => t.Id == id, ct) is { } stored ? TaskRequest.From(stored) : null,
                (request, expected) => ExecuteAsync(id, request, expected, access, clock, ct)))
            .WithName(nameof(UpdateTask))
            .WithSummary("Change a task")
            .WithDescription("A JSON merge patch (RFC 7396). Requires If-Match with the ETag from GET: 428 without it, 412 when the task changed since.")
            .Accepts<TaskRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Shared by the endpoint and the task form. Null when the task is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(
        Guid id, TaskRequest request, uint? expectedVersion, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var task = await access.FindAsync<TaskItem>(id, ct);
        if (task is null)
        {
            return null;
        }

        await access.RequireChangeAsync(task, ObjectPermissions.Edit, ct);
        ETags.Check(access.Db, task, expectedVersion);
        task.Apply(await request.ResolveAsync(task, access.Db, access.User, ct), clock.GetUtcNow());
        return await ActivityWrites.SaveAsync(access, task, ct);
    }
}
