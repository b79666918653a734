using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ImportExport.Imports;

internal static class CancelImport
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/cancel", async Task<Results<Ok<ImportResponse>, NotFound>> (
                Guid id, KontorDb db, CurrentUser user, ImportStorage storage, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, storage, clock, ct) is { } import ? TypedResults.Ok(import) : TypedResults.NotFound())
            .WithName(nameof(CancelImport))
            .WithSummary("Cancel an import")
            .WithDescription("A queued import is cancelled at once; a running one stops after the batch it is writing (the rows up to there stay imported and counted). Cancelling a finished import changes nothing.");

    public static async Task<ImportResponse?> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, ImportStorage storage, TimeProvider clock, CancellationToken ct)
    {
        var visible = ImportAccess.Visible(db, user);
        if (!await visible.AnyAsync(j => j.Id == id, ct))
        {
            return null;
        }

        // Column updates, not a tracked save: the worker writes the counters of the same row meanwhile.
        await visible.Where(j => j.Id == id && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        var now = clock.GetUtcNow();
        if (await visible.Where(j => j.Id == id && j.Status == ImportStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Cancelled).SetProperty(j => j.FinishedAt, now), ct) > 0)
        {
            var job = await visible.AsNoTracking().SingleAsync(j => j.Id == id, ct);
            if (!job.DryRun)
            {
                storage.Delete(job.FilePath);
            }
        }

        return await GetImport.ExecuteAsync(id, db, user, ct);
    }
}
