using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Pipelines;

internal static class ListPipelines
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (bool? includeArchived, KontorDb db, AccessScope access, CancellationToken ct) =>
                ExecuteAsync(includeArchived ?? false, db, access, ct))
            .WithName(nameof(ListPipelines))
            .WithSummary("List the tenant's pipelines with their stages")
            .WithDescription("The default pipeline comes first; archived pipelines only with includeArchived=true. Every tenant has a default pipeline: it is created on first use.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint, the board and the admin page; creates the default pipeline when the tenant has none.</summary>
    public static async Task<IReadOnlyList<PipelineResponse>> ExecuteAsync(bool includeArchived, KontorDb db, AccessScope access, CancellationToken ct)
    {
        access.Require(Opportunity.SecuredObject, ObjectPermissions.Read);
        await DefaultPipeline.GetOrCreateAsync(db, ct);
        var pipelines = await db.Pipelines.AsNoTracking()
            .Where(p => includeArchived || !p.IsArchived)
            .OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name)
            .ToListAsync(ct);
        return [.. pipelines.Select(p => PipelineResponse.From(p))];
    }
}
