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
/// (<see cref="RetentionRunner"/>). A tenant whose run is already going (started by an administrator, or on another
/// node) is skipped until the next night.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(KontorDb db, SystemScope system, IServiceScopeFactory scopes, RetentionRunner runner, ILogger<RetentionJob> log) : IJob
{
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
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<TenantContext>().Use(tenantId);
            services.GetRequiredService<AccessScope>().Unrestrict();
            try
            {
                runs.Add(await runner.RunAsync(services.GetRequiredService<KontorDb>(), dryRun: false, triggeredBy: null, ct));
            }
            catch (BusinessRuleException)
            {
                TenantSkipped(log, tenantId);
            }
        }

        return runs;
    }

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Retention skipped tenant {TenantId}: a run of it is already going")]
    private static partial void TenantSkipped(ILogger logger, Guid tenantId);
}
