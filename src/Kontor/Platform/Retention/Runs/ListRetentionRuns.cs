using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Retention.Runs;

/// <summary>Query of <c>GET /api/retention/runs</c>.</summary>
public sealed class ListRetentionRunsRequest
{
    /// <summary>Only dry runs (true) or only real runs (false).</summary>
    public bool? DryRun { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListRetentionRuns
{
    private static readonly KeysetSort<RetentionRun> NewestFirst = KeysetSorts.Time<RetentionRun>("-startedAt", r => r.StartedAt);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/runs", ([AsParameters] ListRetentionRunsRequest request, KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListRetentionRuns))
            .WithSummary("The history of retention runs")
            .WithDescription("Newest first, keyset-paged, with the totals of each run; GET /api/retention/runs/{id} has the report. Administrators only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Task<Page<RetentionRunSummary>> ExecuteAsync(ListRetentionRunsRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        var runs = db.RetentionRuns.AsNoTracking();
        if (request.DryRun is { } dryRun)
        {
            runs = runs.Where(r => r.DryRun == dryRun);
        }

        return KeysetSorts.PageAsync(runs, NewestFirst, request.Cursor, request.Limit, ids => RetentionRunResponse.SummariesAsync(db, ids, ct), ct);
    }
}

internal static class GetRetentionRun
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/runs/{id:guid}", async Task<Results<Ok<RetentionRunResponse>, NotFound>> (Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, ct) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound())
            .WithName(nameof(GetRetentionRun))
            .WithSummary("A retention run with its report")
            .WithDescription("Per source: deleted, anonymised and held counts, the first 200 rows that went (or would go) and the error of a failed source. Administrators only.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Null when the tenant has no run with this id.</summary>
    public static async Task<RetentionRunResponse?> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        var run = await db.RetentionRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return run is null ? null : await RetentionRunResponse.FromAsync(db, run, ct);
    }
}
