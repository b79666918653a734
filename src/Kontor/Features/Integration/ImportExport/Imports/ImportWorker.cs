using Kontor.Platform.Data;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>Wakes the import worker when a job is queued, so it need not wait for its next look.</summary>
internal sealed class ImportQueue
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Runs import jobs one after the other, in the background of the app. On start it first continues the jobs an
/// earlier run left Running (interrupted by a stop or a crash), then takes queued jobs oldest first. One worker per
/// app: imports run on one node (see ADR 0013).
/// </summary>
internal sealed partial class ImportWorker(IServiceScopeFactory scopes, ImportRunner runner, ImportQueue queue, ImportStorage storage, ImportSettings settings, TimeProvider clock, ILogger<ImportWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var lastCleanUp = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() - lastCleanUp > TimeSpan.FromHours(1))
                {
                    lastCleanUp = clock.GetUtcNow();
                    await CleanUpAsync(stoppingToken);
                }

                if (await NextAsync(stoppingToken) is { } job)
                {
                    await runner.RunAsync(job, stoppingToken);
                }
                else
                {
                    // Starting an import wakes the worker at once; the timeout only catches jobs queued by another node.
                    await queue.WaitAsync(TimeSpan.FromMinutes(5), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                WorkerFailed(log, e);
                await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
            }
        }
    }

    private async Task<ImportJobRef?> NextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
        using (scope.ServiceProvider.GetRequiredService<SystemScope>().Enter("import worker picks the next job"))
        {
            return await db.ImportJobs.AsNoTracking()
                .Where(j => j.Status == ImportStatus.Running || j.Status == ImportStatus.Queued)
                .OrderBy(j => j.Status == ImportStatus.Running ? 0 : 1).ThenBy(j => j.CreatedAt)
                .Select(j => new ImportJobRef(j.Id, j.TenantId, j.RequestedBy))
                .FirstOrDefaultAsync(ct);
        }
    }

    /// <summary>Deletes uploaded files that no queued or running job uses and that are older than the kept hours (wizard uploads never started, dry runs never followed).</summary>
    private async Task CleanUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
        using (scope.ServiceProvider.GetRequiredService<SystemScope>().Enter("import worker deletes unused uploads"))
        {
            var inUse = await db.ImportJobs.AsNoTracking()
                .Where(j => j.Status == ImportStatus.Running || j.Status == ImportStatus.Queued)
                .Select(j => j.FilePath).ToListAsync(ct);
            storage.DeleteUnused(inUse, clock.GetUtcNow() - TimeSpan.FromHours(settings.KeepUnusedFilesHours));
        }
    }

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "The import worker failed; it tries again shortly")]
    private static partial void WorkerFailed(ILogger logger, Exception exception);
}
