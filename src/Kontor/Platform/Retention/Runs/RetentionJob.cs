using System.Diagnostics;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Kontor.Platform.Retention.Runs;

/// <summary>Section <c>Kontor:Retention</c>: when the daily retention job runs.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Kontor:Retention";

    /// <summary>A Quartz cron expression in the server's time zone; default 02:30 every night.</summary>
    public string Schedule { get; set; } = "0 30 2 * * ?";
}

/// <summary>
/// The daily retention job: lists the tenants in a system scope and runs retention for each in a scope of its own
/// (<see cref="RetentionRunner"/>). When a run of a tenant is already going (started by an administrator, or on
/// another node), the job waits for it to finish and then runs; after <see cref="WaitForRunningRun"/> it skips the
/// tenant until the next night.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(KontorDb db, SystemScope system, IServiceScopeFactory scopes, RetentionRunner runner, ILogger<RetentionJob> log) : IJob
{
    /// <summary>How long the job waits for a tenant's run that is already going before it skips the tenant.</summary>
    public static readonly TimeSpan WaitForRunningRun = TimeSpan.FromMinutes(30);

    // Real time, not the application's clock: the wait is for another run's work, which a test clock does not move.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAllAsync(cancellationToken);

    /// <summary>Runs retention for every tenant; returns the runs that took place.</summary>
    public async Task<IReadOnlyList<RetentionRun>> RunAllAsync(CancellationToken ct)
    {
        List<Guid> tenants;
        using (system.Enter("retention job"))
        {
            tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        }

        var runs = new List<RetentionRun>();
        foreach (var tenantId in tenants)
        {
            if (await RunTenantAsync(tenantId, ct) is { } run)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    private async Task<RetentionRun?> RunTenantAsync(Guid tenantId, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<TenantContext>().Use(tenantId);
            services.GetRequiredService<AccessScope>().Unrestrict();
            var tenantDb = services.GetRequiredService<KontorDb>();
            try
            {
                // Asking first keeps the log free of a refused insert every half second while another run goes.
                if (!await tenantDb.RetentionRuns.AnyAsync(r => r.Lock != null, ct))
                {
                    return await runner.RunAsync(tenantDb, dryRun: false, triggeredBy: null, ct);
                }
            }
            catch (BusinessRuleException)
            {
                // Another run took the lock between the question and the insert: wait for it like for any other.
            }

            if (waited.Elapsed >= WaitForRunningRun)
            {
                TenantSkipped(log, tenantId);
                return null;
            }

            await Task.Delay(PollInterval, ct);
        }
    }

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Retention skipped tenant {TenantId}: another run of it was still going after the wait")]
    private static partial void TenantSkipped(ILogger logger, Guid tenantId);
}
