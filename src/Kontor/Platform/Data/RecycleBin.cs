using System.Reflection;
using Kontor.Platform.Audit;
using Kontor.Platform.Logging;
using Kontor.Platform.Retention;
using Kontor.Platform.Retention.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kontor.Platform.Data;

/// <summary>
/// Deleted records wait in the recycle bin for the tenant's <see cref="RetentionRules.RecycleBinDays"/> (default
/// <see cref="RetentionDays"/>) and are then purged for good by the daily retention job, for every record type of
/// the model, with everything attached to them (<see cref="RecordPurge"/>). Records under a legal hold or inside a
/// statutory period stay, and so do records still referenced by one that stays (a deal's quote): the database
/// refuses their delete, and the purge keeps them rather than fail. References to a purged record are cleared by the
/// database (ON DELETE SET NULL).
/// </summary>
public sealed class RecycleBin(RecordPurge purge, ProtectedRecords protectedRecords, AuditTrail audit, ILogger<RecycleBin> log) : IRetentionSource
{
    /// <summary>The default of <see cref="RetentionRules.RecycleBinDays"/>.</summary>
    public const int RetentionDays = 30;

    public const string SourceKey = "recycle-bin";

    private const int BatchSize = 200;

    public string Key => SourceKey;

    public async Task<RetentionOutcome> ApplyAsync(RetentionContext context, CancellationToken ct)
    {
        var outcome = new RetentionTally(Key);
        if (!context.Rules.RecycleBinEnabled)
        {
            return outcome.ToOutcome();
        }

        var cutoff = context.Now.AddDays(-context.Rules.RecycleBinDays);
        var method = typeof(RecycleBin).GetMethod(nameof(PurgeTypeAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
        var roots = context.Db.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(RecordEntity).IsAssignableFrom(t.ClrType)).ToList();
        foreach (var type in DependentsFirst(roots))
        {
            var before = outcome.Deleted;
            await (Task)method.MakeGenericMethod(type).Invoke(this, [context, cutoff, outcome, ct])!;
            if (outcome.Deleted > before)
            {
                PlatformLog.RecycleBinPurged(log, outcome.Deleted - before, type.Name);
            }
        }

        return outcome.ToOutcome();
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

    /// <summary>Purges one type in batches, each in one transaction with one <c>Purge</c> audit entry holding its count.</summary>
    private async Task PurgeTypeAsync<T>(RetentionContext context, DateTimeOffset cutoff, RetentionTally outcome, CancellationToken ct)
        where T : RecordEntity
    {
        var db = context.Db;
        var recordType = AuditTrail.RecordTypeOf(typeof(T));
        var expired = db.Set<T>().AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess])
            .Where(r => r.DeletedAt != null && r.DeletedAt < cutoff);
        outcome.Held += await protectedRecords.Protected(expired, db, recordType, context.Periods, context.Now).CountAsync(ct);
        var due = protectedRecords.Removable(expired, db, recordType, context.Periods, context.Now);
        if (context.DryRun)
        {
            var ids = await due.OrderBy(r => r.Id).Select(r => r.Id).Take(RetentionTally.MaxItems).ToListAsync(ct);
            outcome.Deleted += await due.CountAsync(ct);
            outcome.AddItems(recordType, ids, "in the recycle bin for more than the retention period");
            return;
        }

        var kept = new List<Guid>();
        while (true)
        {
            var batch = await due.Where(r => !kept.Contains(r.Id)).OrderBy(r => r.Id).Select(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            if (await TryPurgeAsync<T>(db, recordType, batch, ct))
            {
                outcome.Deleted += batch.Count;
                outcome.AddItems(recordType, batch, "in the recycle bin for more than the retention period");
                continue;
            }

            // Some record of the batch is still referenced by one that stays: purge the others one by one.
            foreach (var id in batch)
            {
                if (await TryPurgeAsync<T>(db, recordType, [id], ct))
                {
                    outcome.Deleted++;
                    outcome.AddItems(recordType, [id], "in the recycle bin for more than the retention period");
                }
                else
                {
                    kept.Add(id);
                    outcome.Held++;
                }
            }
        }
    }

    private async Task<bool> TryPurgeAsync<T>(KontorDb db, string recordType, IReadOnlyCollection<Guid> ids, CancellationToken ct)
        where T : RecordEntity
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var purged = await purge.PurgeAsync<T>(db, ids, ct);
            audit.Record(db, AuditAction.Purge, recordType, new { count = purged, reason = "recycle bin retention" });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
