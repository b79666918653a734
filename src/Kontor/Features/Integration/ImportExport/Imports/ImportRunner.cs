using System.Globalization;
using System.Security.Claims;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Sales.Leads;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Tenancy;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>The job to run and whose behalf it runs on.</summary>
internal sealed record ImportJobRef(Guid Id, Guid TenantId, Guid RequestedBy);

/// <summary>
/// Runs one import job from where it stands: counts the file's rows (which also proves the file readable before
/// anything is written), then handles batches of <see cref="ImportSettings.BatchSize"/> rows, each in one
/// transaction together with its row errors and the job's counters. A dry run rolls each batch's records back but
/// keeps its errors and counters. Cancellation is checked between batches. When the app stops mid-batch, that
/// batch is rolled back and the job stays Running: the next start continues after the last committed batch.
/// </summary>
internal sealed partial class ImportRunner(IServiceScopeFactory scopes, ImportStorage storage, ImportSettings settings, AuditTrail audit, TimeProvider clock, ILogger<ImportRunner> log)
{
    public async Task RunAsync(ImportJobRef job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().Use(job.TenantId);
        var db = services.GetRequiredService<KontorDb>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, job.RequestedBy.ToString()),
                new Claim(KontorClaims.Tenant, job.TenantId.ToString()),
            ],
            "import"));
        var text = services.GetRequiredService<IStringLocalizer<ImportExportText>>();
        if (!await services.GetRequiredService<CurrentUserLoader>().LoadAsync(principal, Channel.Import, ct))
        {
            await FinishAsync(db, job.Id, ImportStatus.Failed, text["The user who started the import is no longer active."], ct);
            return;
        }

        var user = services.GetRequiredService<CurrentUser>();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(user.Culture);
        try
        {
            await RunLoadedAsync(db, user, services.GetRequiredService<AccessScope>(), text, job.Id, ct);
        }
        catch (UnreadableFileException e)
        {
            await FinishAsync(db, job.Id, ImportStatus.Failed, e.Message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            ImportFailed(log, e, job.Id);
            await FinishAsync(db, job.Id, ImportStatus.Failed, text["The import stopped because of an unexpected error; the rows up to the last committed batch are imported."], ct);
        }
    }

    private async Task RunLoadedAsync(KontorDb db, CurrentUser user, AccessScope access, IStringLocalizer<ImportExportText> text, Guid jobId, CancellationToken ct)
    {
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, ct);
        if (job.IsFinished)
        {
            return;
        }

        var path = storage.PathOf(job.FilePath);
        if (!File.Exists(path))
        {
            throw new UnreadableFileException(text["The uploaded file is gone; upload it again."]);
        }

        var shape = ImportFile.Inspect(path, job.Encoding, job.Delimiter);
        var plan = new ImportPlan(job.Target, shape.Headers, ImportOptions.FromJson(job.Options));
        job.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (job.TotalRows is null)
        {
            job.Counted(ImportFile.Count(path, shape));
            await db.SaveChangesAsync(ct);
        }

        var owners = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        var batchSize = Math.Max(1, settings.BatchSize);
        var cancelled = false;
        foreach (var rows in ImportFile.Rows(path, shape, skip: job.ProcessedRows).Chunk(batchSize))
        {
            if (await db.ImportJobs.Where(j => j.Id == jobId).Select(j => j.CancelRequested).SingleAsync(ct))
            {
                cancelled = true;
                break;
            }

            await BatchAsync(db, new ImportBatch(db, user, access, text, plan, owners), jobId, rows, ct);
        }

        await FinishAsync(db, jobId, cancelled ? ImportStatus.Cancelled : ImportStatus.Completed, null, ct);
    }

    private static async Task BatchAsync(KontorDb db, ImportBatch batch, Guid jobId, FileRow[] rows, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await transaction.CreateSavepointAsync("batch", ct);
        var excluded = new Dictionary<long, List<RowProblem>>();
        BatchResult result;
        while (true)
        {
            result = await batch.RunAsync(rows, excluded, ct);
            if (result.LateRejected.Count == 0)
            {
                break;
            }

            // A row of a combined import whose account was written but whose contact was refused: the row counts as
            // rejected, so its account must not stay. Run the batch again without it.
            await transaction.RollbackToSavepointAsync("batch", ct);
            db.ChangeTracker.Clear();
            foreach (var problem in result.Problems.Where(p => result.LateRejected.Contains(p.Row)))
            {
                (excluded.TryGetValue(problem.Row, out var list) ? list : excluded[problem.Row] = []).Add(problem);
            }
        }

        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, ct);
        if (job.DryRun)
        {
            await transaction.RollbackToSavepointAsync("batch", ct);
            db.ChangeTracker.Clear();
            job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, ct);
        }

        db.ImportRowErrors.AddRange(result.Problems.Select(p => new ImportRowError(jobId, p.Row, Cut(p.Column, 200), Cut(p.Message, 1000))));
        job.BatchDone(rows.Length, result.Committed, result.Rejected, job.DryRun ? 0 : result.Created, job.DryRun ? 0 : result.Updated);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task FinishAsync(KontorDb db, Guid jobId, ImportStatus status, string? failure, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, ct);
        job.Finish(status, clock.GetUtcNow(), failure is null ? null : Cut(failure, 1000));
        audit.Record(db, AuditAction.Import, new RecordRef("import", job.Id), new
        {
            target = job.Target.ToString(),
            status = status.ToString(),
            job.DryRun,
            committed = job.CommittedRows,
            rejected = job.RejectedRows,
            created = job.CreatedRecords,
            updated = job.UpdatedRecords,
        });
        await db.SaveChangesAsync(ct);
        if (!job.DryRun && job.CreatedRecords + job.UpdatedRecords >= settings.AnalyzeAfterRecords)
        {
            try
            {
                await AnalyzeAsync(db, job.Target, ct);
            }
            catch (Exception e) when (e is System.Data.Common.DbException)
            {
                // The import is finished and recorded; fresh statistics only help the planner, autovacuum catches up.
                AnalyzeFailed(log, e, job.Id);
            }
        }

        // A dry run keeps its file: the real import of the same file follows it.
        if (!job.DryRun)
        {
            storage.Delete(job.FilePath);
        }
    }

    /// <summary>
    /// Has the database sample the tables the import wrote (<c>ANALYZE</c>; table names from the model, never from
    /// input). SQLite reads at most about 1,000 rows per index (<c>analysis_limit</c>), as its <c>PRAGMA optimize</c> does.
    /// </summary>
    private static async Task AnalyzeAsync(KontorDb db, ImportTarget target, CancellationToken ct)
    {
        Type[] written = target switch
        {
            ImportTarget.Accounts => [typeof(Account)],
            ImportTarget.Contacts => [typeof(Contact)],
            ImportTarget.AccountsAndContacts => [typeof(Account), typeof(Contact)],
            ImportTarget.Leads => [typeof(Lead)],
            _ => [],
        };
        foreach (var type in written)
        {
            var analyze = (db.Database.IsNpgsql() ? "" : "PRAGMA analysis_limit = 1000; ")
                + "ANALYZE \"" + db.Model.FindEntityType(type)!.GetTableName() + "\"";
            await db.Database.ExecuteSqlRawAsync(analyze, ct);
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Import {JobId} failed")]
    private static partial void ImportFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "The statistics of the tables import {JobId} wrote could not be refreshed")]
    private static partial void AnalyzeFailed(ILogger logger, Exception exception, Guid jobId);
}
