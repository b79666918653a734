using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>Query of <c>GET /api/opportunities/deleted</c>: the recycle bin.</summary>
public sealed class ListDeletedOpportunitiesRequest
{
    /// <summary><c>-deletedAt</c> (default, newest first) or <c>name</c>.</summary>
    public string? Sort { get; set; }

    public int? Limit { get; set; }

    public string? Cursor { get; set; }
}

internal static class ListDeletedOpportunities
{
    private static readonly IReadOnlyList<KeysetSort<Opportunity>> Sorts =
    [
        KeysetSorts.Time<Opportunity>("-deletedAt", o => o.DeletedAt!.Value),
        KeysetSorts.Text<Opportunity>("name", o => o.SortName),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/deleted", ([AsParameters] ListDeletedOpportunitiesRequest request, KontorDb db, CancellationToken ct) => ExecuteAsync(request, db, ct))
            .WithName(nameof(ListDeletedOpportunities))
            .WithSummary("List opportunities in the recycle bin that the caller can see")
            .WithDescription($"Deleted opportunities are purged {RecycleBin.RetentionDays} days after deletion; restore them with POST /api/opportunities/{{id}}/restore.")
            .ProducesValidationProblem();

    public static async Task<Page<OpportunityResponse>> ExecuteAsync(ListDeletedOpportunitiesRequest request, KontorDb db, CancellationToken ct)
    {
        var deleted = db.Opportunities.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(o => o.DeletedAt != null);
        return await KeysetSorts.PageAsync(
            deleted, KeysetSorts.Pick(Sorts, request.Sort), request.Cursor, request.Limit,
            ids => OpportunityResponse.Project(deleted.Where(o => ids.Contains(o.Id)), db).InOrderOfAsync(ids, o => o.Id, ct),
            ct);
    }
}
