using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Shared;

internal static class GetActivity
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<ActivityResponse>, NotFound>> (Guid id, ActivityAccess access, HttpResponse response, CancellationToken ct) =>
            {
                var activity = await ExecuteAsync(id, access, ct);
                if (activity is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = activity.ETag;
                return TypedResults.Ok(activity);
            })
            .WithName(nameof(GetActivity))
            .WithSummary("Get an activity of any kind")
            .WithDescription("404 for activities that do not exist and for activities whose record the caller cannot see. The ETag header carries the version for If-Match.");

    /// <summary>The activity, or null when it does not exist, is in the recycle bin or is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(Guid id, ActivityAccess access, CancellationToken ct) =>
        (await ActivityResponse.LoadAsync(access, [id], ct)).SingleOrDefault();
}
