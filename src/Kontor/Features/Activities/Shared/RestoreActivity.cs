using Kontor.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Shared;

internal static class RestoreActivity
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/restore", async Task<Results<Ok<ActivityResponse>, NotFound>> (
                Guid id, ActivityAccess access, HttpResponse response, CancellationToken ct) =>
            {
                var restored = await ExecuteAsync(id, access, ct);
                if (restored is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = restored.ETag;
                return TypedResults.Ok(restored);
            })
            .WithName(nameof(RestoreActivity))
            .WithSummary("Restore an activity from the recycle bin")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when no visible activity with this id is in the recycle bin.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(Guid id, ActivityAccess access, CancellationToken ct)
    {
        var activity = await access.FindAsync<Activity>(id, ct, deleted: true);
        if (activity is null)
        {
            return null;
        }

        await access.RequireChangeAsync(activity, ObjectPermissions.Delete, ct);
        activity.RestoreFromRecycleBin();
        return await ActivityWrites.SaveAsync(access, activity, ct);
    }
}
