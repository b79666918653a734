using Kontor.Features.Activities.Shared;
using Kontor.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Tasks;

internal static class CompleteTask
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/complete", async Task<Results<Ok<ActivityResponse>, NotFound>> (
                Guid id, ActivityAccess access, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            {
                var completed = await ExecuteAsync(id, access, clock, ct);
                if (completed is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = completed.ETag;
                return TypedResults.Ok(completed);
            })
            .WithName(nameof(CompleteTask))
            .WithSummary("Mark a task done")
            .WithDescription("Sets the status to Done and stamps completedAt; completing a done task changes nothing. The assignee may complete a task on a record they can only read.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the task lists. Null when the task is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(Guid id, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var task = await access.FindAsync<TaskItem>(id, ct);
        if (task is null)
        {
            return null;
        }

        if (task.AssigneeId == access.User.Id)
        {
            access.Scope.Require(ActivityObjects.Activities, ObjectPermissions.Edit);
        }
        else
        {
            await access.RequireChangeAsync(task, ObjectPermissions.Edit, ct);
        }

        if (task.Status != TaskItemStatus.Done)
        {
            task.Complete(clock.GetUtcNow());
        }

        return await ActivityWrites.SaveAsync(access, task, ct);
    }
}
