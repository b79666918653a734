using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Teams;

internal static class GetTeam
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<TeamResponse>, NotFound>> (Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, ct) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound())
            .WithName(nameof(GetTeam))
            .WithSummary("Get a team with its members")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the tenant has no team with this id.</summary>
    public static Task<TeamResponse?> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        return TeamResponse.LoadAsync(db, id, ct);
    }
}
