using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Users;

internal static class GetUser
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<UserResponse>, NotFound>> (
                Guid id, KontorDb db, CurrentUser user, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            {
                var found = await ExecuteAsync(id, db, user, clock, ct);
                if (found is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = found.ETag;
                return TypedResults.Ok(found);
            })
            .WithName(nameof(GetUser))
            .WithSummary("Get a user of your organisation")
            .WithDescription("The ETag header carries the version to send in If-Match when changing the user. Users of other organisations answer 404.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the tenant has no user with this id.</summary>
    public static Task<UserResponse?> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        AdminAccess.Require(user);
        return UserResponse.LoadAsync(db, id, clock.GetUtcNow(), ct);
    }
}
