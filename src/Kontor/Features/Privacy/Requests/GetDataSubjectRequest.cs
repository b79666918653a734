using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Privacy.Requests;

internal static class GetDataSubjectRequest
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<DataSubjectRequestResponse>, NotFound>> (Guid id, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, clock, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound())
            .WithName(nameof(GetDataSubjectRequest))
            .WithSummary("Get a data-subject request")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static Task<DataSubjectRequestResponse?> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        PrivacyAccess.Require(user);
        return DataSubjectRequestResponse.LoadAsync(db, id, clock.GetUtcNow(), ct);
    }
}
