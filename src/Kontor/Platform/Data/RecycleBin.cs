using System.Reflection;
using Kontor.Platform.Audit;
using Kontor.Platform.Logging;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Quartz;

namespace Kontor.Platform.Data;

/// <summary>
/// Deleted records wait in the recycle bin for <see cref="RetentionDays"/> days and are then purged for good
/// by this daily job, for every record type of the model, across all tenants, in a system scope.
/// References to a purged record are cleared by the database (ON DELETE SET NULL).
/// </summary>
[DisallowConcurrentExecution]
public sealed class RecycleBin(KontorDb db, SystemScope system, TimeProvider clock, ILogger<RecycleBin> log) : IJob
{
    public const int RetentionDays = 30;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await PurgeAsync(cancellationToken);

    /// <summary>Hard-deletes every record deleted more than <see cref="RetentionDays"/> days ago; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddDays(-RetentionDays);
        var purge = typeof(RecycleBin).GetMethod(nameof(PurgeTypeAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
        var purged = 0;
        using (system.Enter("recycle bin purge"))
        {
            foreach (var type in DependentsFirst(db.Model.GetEntityTypes().Where(t => typeof(RecordEntity).IsAssignableFrom(t.ClrType)).ToList()))
            {
                var count = await (Task<int>)purge.MakeGenericMethod(type).Invoke(this, [cutoff, ct])!;
                PlatformLog.RecycleBinPurged(log, count, type.Name);
                purged += count;
            }
        }

        return purged;
    }

    /// <summary>
    /// The record types in an order that purges a type referencing another before that one (an opportunity before its
    /// account), so records that went to the recycle bin together are purged together; a cycle keeps the model's order.
    /// </summary>
    private static List<Type> DependentsFirst(List<IEntityType> types)
    {
        var ordered = new List<Type>();
        var remaining = types.ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(candidate => !remaining.Any(other => other != candidate
                && other.GetForeignKeys().Any(key => key.PrincipalEntityType.ClrType == candidate.ClrType))) ?? remaining[0];
            ordered.Add(next.ClrType);
            remaining.Remove(next);
        }

        return ordered;
    }

    /// <summary>Deletes with one statement per type and writes one <c>Purge</c> audit entry per tenant with the count, in one transaction.</summary>
    private async Task<int> PurgeTypeAsync<T>(DateTimeOffset cutoff, CancellationToken ct)
        where T : RecordEntity
    {
        var expired = db.Set<T>().IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(r => r.DeletedAt != null && r.DeletedAt < cutoff);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var perTenant = await expired.GroupBy(r => r.TenantId).Select(g => new { Tenant = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (perTenant.Count == 0)
        {
            return 0;
        }

        var purged = await expired.ExecuteDeleteAsync(ct);
        foreach (var tenant in perTenant)
        {
            AuditTrail.RecordInTenant(db, tenant.Tenant, AuditAction.Purge, AuditTrail.RecordTypeOf(typeof(T)), new { count = tenant.Count, reason = "recycle bin retention" });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return purged;
    }
}
