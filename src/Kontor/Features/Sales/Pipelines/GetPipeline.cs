using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Sales.Pipelines;

internal static class GetPipeline
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<PipelineResponse>, NotFound>> (Guid id, KontorDb db, AccessScope access, CancellationToken ct) =>
                await ExecuteAsync(id, db, access, ct) is { } pipeline ? TypedResults.Ok(pipeline) : TypedResults.NotFound())
            .WithName(nameof(GetPipeline))
            .WithSummary("Get a pipeline with its stages and the number of opportunities per stage the caller can see")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the pipeline does not exist in the tenant.</summary>
    public static Task<PipelineResponse?> ExecuteAsync(Guid id, KontorDb db, AccessScope access, CancellationToken ct)
    {
        access.Require(Opportunity.SecuredObject, ObjectPermissions.Read);
        return PipelineResponse.LoadAsync(db, id, ct);
    }
}
