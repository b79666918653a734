using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>Query of <c>GET /api/imports</c>.</summary>
public sealed class ListImportsRequest
{
    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListImports
{
    private static readonly IReadOnlyList<KeysetSort<ImportJob>> Sorts = [KeysetSorts.Time<ImportJob>("-createdAt", j => j.CreatedAt)];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListImportsRequest request, KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListImports))
            .WithSummary("List imports, newest first")
            .WithDescription("The caller's own imports; administrators see every import of the tenant.")
            .ProducesValidationProblem();

    public static Task<Page<ImportResponse>> ExecuteAsync(ListImportsRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        var source = ImportAccess.Visible(db, user).AsNoTracking();
        return KeysetSorts.PageAsync(
            source, Sorts[0], request.Cursor, request.Limit,
            ids => ImportResponse.Project(source.Where(j => ids.Contains(j.Id)), db).InOrderOfAsync(ids, j => j.Id, ct),
            ct);
    }
}
