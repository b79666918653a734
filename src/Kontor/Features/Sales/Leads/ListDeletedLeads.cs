using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads;

/// <summary>Query of <c>GET /api/leads/deleted</c>: the recycle bin.</summary>
public sealed class ListDeletedLeadsRequest
{
    /// <summary><c>-deletedAt</c> (default, newest first) or <c>name</c>.</summary>
    public string? Sort { get; set; }

    public int? Limit { get; set; }

    public string? Cursor { get; set; }
}

internal static class ListDeletedLeads
{
    private static readonly IReadOnlyList<KeysetSort<Lead>> Sorts =
    [
        KeysetSorts.Time<Lead>("-deletedAt", l => l.DeletedAt!.Value),
        KeysetSorts.Text<Lead>("name", l => l.SortName),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/deleted", ([AsParameters] ListDeletedLeadsRequest request, KontorDb db, CancellationToken ct) => ExecuteAsync(request, db, ct))
            .WithName(nameof(ListDeletedLeads))
            .WithSummary("List leads in the recycle bin that the caller can see")
            .WithDescription($"Deleted leads are purged {RecycleBin.RetentionDays} days after deletion; restore them with POST /api/leads/{{id}}/restore.")
            .ProducesValidationProblem();

    public static async Task<Page<LeadResponse>> ExecuteAsync(ListDeletedLeadsRequest request, KontorDb db, CancellationToken ct)
    {
        var deleted = db.Leads.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(l => l.DeletedAt != null);
        return await KeysetSorts.PageAsync(
            deleted, KeysetSorts.Pick(Sorts, request.Sort), request.Cursor, request.Limit,
            ids => LeadResponse.Project(deleted.Where(l => ids.Contains(l.Id)), db).InOrderOfAsync(ids, l => l.Id, ct),
            ct);
    }
}
