using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ImportExport.Imports;

internal static class GetImport
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<ImportResponse>, NotFound>> (Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, ct) is { } import ? TypedResults.Ok(import) : TypedResults.NotFound())
            .WithName(nameof(GetImport))
            .WithSummary("Get an import's status and progress")
            .WithDescription("Status, total rows once counted, processed, committed and rejected rows and percent. 404 for imports of others (administrators see all of the tenant's).");

    /// <summary>The import, or null when it does not exist or is not the caller's to see.</summary>
    public static Task<ImportResponse?> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
        ImportResponse.Project(ImportAccess.Visible(db, user).AsNoTracking().Where(j => j.Id == id), db).SingleOrDefaultAsync(ct);
}
