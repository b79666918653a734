using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Shared;

internal static class DeleteActivity
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (
                Guid id, HttpRequest http, ActivityAccess access, TimeProvider clock, CancellationToken ct) =>
            {
                ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected);
                return await ExecuteAsync(id, expected, access, clock, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
            })
            .WithName(nameof(DeleteActivity))
            .WithSummary("Move an activity to the recycle bin")
            .WithDescription($"Restorable with POST /api/activities/{{id}}/restore for {RecycleBin.RetentionDays} days, then purged. If-Match is optional here.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>False when the activity is not visible.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, uint? expectedVersion, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var activity = await access.FindAsync<Activity>(id, ct);
        if (activity is null)
        {
            return false;
        }

        await access.RequireChangeAsync(activity, ObjectPermissions.Delete, ct);
        ETags.Check(access.Db, activity, expectedVersion);
        activity.MoveToRecycleBin(access.User.ActorId, clock.GetUtcNow());
        await access.Db.SaveChangesAsync(ct);
        return true;
    }
}
