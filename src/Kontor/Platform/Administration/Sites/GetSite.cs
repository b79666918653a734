using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Sites;

internal static class GetSite
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<SiteResponse>, NotFound>> (Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, ct) is { } site ? TypedResults.Ok(site) : TypedResults.NotFound())
            .WithName(nameof(GetSite))
            .WithSummary("Get a site")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the tenant has no site with this id.</summary>
    public static Task<SiteResponse?> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        return SiteResponse.LoadAsync(db, id, ct);
    }
}
