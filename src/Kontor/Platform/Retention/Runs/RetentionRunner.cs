using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Records;
using Kontor.Platform.Retention.Rules;
using Kontor.Platform.Tenancy;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Retention.Runs;

/// <summary>
/// Runs every registered <see cref="IRetentionSource"/> for one tenant, one after another, and records the run. Each
/// source gets a context of its own (tenant filter on, record access unrestricted, no user), so a source that fails
/// leaves nothing pending for the next one; its committed batches stay, its open batch is rolled back, and the
/// others still run. A run row with a lock value taken under a unique index keeps a second run of the same tenant
/// (another node, a click during the nightly run) from starting until the first has finished.
/// </summary>
public sealed partial class RetentionRunner(
    IServiceScopeFactory scopes,
    IEnumerable<IRetentionSource> sources,
    AgreementInForce agreements,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<RetentionRunner> log)
{
    /// <summary>The audit log's record type of a run.</summary>
    public const string AuditRecordType = "retentionRun";

    private const int MaxErrorLength = 500;

    /// <summary>
    /// Runs now for the tenant of <paramref name="db"/>, which records the run and its audit entry (its user, if any,
    /// is the actor). Throws <see cref="BusinessRuleException"/> when a run of the tenant is already going.
    /// </summary>
    public async Task<RetentionRun> RunAsync(KontorDb db, bool dryRun, Guid? triggeredBy, CancellationToken ct)
    {
        var tenantId = db.Tenant.TenantId ?? throw new InvalidOperationException("A retention run needs a tenant.");
        var run = await StartAsync(db, dryRun, triggeredBy, ct);
        var reports = new List<RetentionSourceReport>();
        try
        {
            var agreement = (await agreements.GetAsync(db, ct)).Document;
            var rules = await RetentionRules.LoadAsync(db, ct);
            var periods = await StatutoryPeriods.LoadAsync(db, ct);
            foreach (var source in sources)
            {
                reports.Add(await RunSourceAsync(source, tenantId, run.StartedAt, dryRun, agreement, rules, periods, ct));
            }
        }
        catch (OperationCanceledException)
        {
            reports.Add(new RetentionSourceReport("run", 0, 0, 0, [], 0, "The run was cancelled because the application stopped."));
            throw;
        }
        finally
        {
            run.Finish(reports, clock.GetUtcNow());
            audit.Record(db, AuditAction.Retention, new RecordRef(AuditRecordType, run.Id), new
            {
                dryRun,
                deleted = run.Deleted,
                anonymised = run.Anonymised,
                held = run.Held,
                failedSources = reports.Count(r => r.Error is not null),
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return run;
    }

    private async Task<RetentionRun> StartAsync(KontorDb db, bool dryRun, Guid? triggeredBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();

        // A run whose application died never released its lock; after a generous while it no longer blocks the tenant.
        var abandonedBefore = now - RetentionRun.AbandonedAfter;
        await db.RetentionRuns
            .Where(r => r.Lock != null && r.StartedAt < abandonedBefore)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Lock, (string?)null).SetProperty(r => r.Status, RetentionRunStatus.Abandoned).SetProperty(r => r.FinishedAt, now), ct);

        var run = new RetentionRun(dryRun, triggeredBy, now);
        db.RetentionRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(run).State = EntityState.Detached;
            RunRefused(log);
            throw new BusinessRuleException(RetentionText.Message("A retention run is already going for this organisation; try again when it has finished."));
        }

        return run;
    }

    private async Task<RetentionSourceReport> RunSourceAsync(
        IRetentionSource source, Guid tenantId, DateTimeOffset now, bool dryRun, AgreementDocument agreement, RetentionRules rules, StatutoryPeriods periods, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().Use(tenantId);
        services.GetRequiredService<AccessScope>().Unrestrict();
        var db = services.GetRequiredService<KontorDb>();
        try
        {
            var outcome = await source.ApplyAsync(new RetentionContext(db, now, dryRun, agreement) { Rules = rules, Periods = periods }, ct);
            var items = outcome.Items.Take(RetentionRun.MaxItemsPerSource).ToList();
            var more = Math.Max(0, outcome.Deleted + outcome.Anonymised - items.Count);
            return new RetentionSourceReport(source.Key, outcome.Deleted, outcome.Anonymised, outcome.Held, items, more, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            SourceFailed(log, e, source.Key, tenantId);
            var message = $"{e.GetType().Name}: {e.Message}";
            return new RetentionSourceReport(source.Key, 0, 0, 0, [], 0, message.Length > MaxErrorLength ? message[..MaxErrorLength] : message);
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "Retention source {Source} failed for tenant {TenantId}; the other sources still run")]
    private static partial void SourceFailed(ILogger logger, Exception exception, string source, Guid tenantId);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "A retention run was refused: another run of the same tenant is going")]
    private static partial void RunRefused(ILogger logger);
}
