using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kontor.Platform.Audit;

/// <summary>
/// Runs before every save, after <see cref="RecordStampInterceptor"/>: writes field history of audited fields and an
/// audit entry for every created, changed, deleted, restored or purged record, then chains all new audit entries of
/// the save behind their tenant's head under a per-tenant lock, inside the save's transaction (its own when the caller
/// has none). Refuses to change or delete an audit entry. What it adds for a save that then fails is taken back, so a
/// retried save writes each row once.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<IEntityType, RecordPlan> Plans = new();
    private readonly ConditionalWeakTable<DbContext, SaveState> states = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is KontorDb db && Prepare(db) is { } pending)
        {
            var state = states.GetOrCreateValue(db);
            state.Transaction = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
            foreach (var (tenant, entries) in pending)
            {
                LockChain(db, tenant);
                var head = HeadQuery(db, tenant).FirstOrDefault();
                Link(entries, head, db.Clock.GetUtcNow());
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KontorDb db && Prepare(db) is { } pending)
        {
            var state = states.GetOrCreateValue(db);
            state.Transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            foreach (var (tenant, entries) in pending)
            {
                await LockChainAsync(db, tenant, cancellationToken);
                var head = await HeadQuery(db, tenant).FirstOrDefaultAsync(cancellationToken);
                Link(entries, head, db.Clock.GetUtcNow());
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Finish(eventData.Context) is { } transaction)
        {
            using (transaction)
            {
                transaction.Commit();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Finish(eventData.Context) is { } transaction)
        {
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context)?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Abandon(eventData.Context) is { } transaction)
        {
            await transaction.DisposeAsync();
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context)?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Abandon(eventData.Context) is { } transaction)
        {
            await transaction.DisposeAsync();
        }
    }

    /// <summary>Adds field history and record entries; returns the new audit entries to chain per tenant, or null when there are none.</summary>
    private List<(Guid Tenant, List<AuditEntry> Entries)>? Prepare(KontorDb db)
    {
        var state = states.GetOrCreateValue(db);
        Discard(db, state);

        var entries = db.ChangeTracker.Entries().ToList();
        var added = new List<object>();
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
            }

            if (entry.Entity is RecordEntity record && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                Describe(db, entry, record, added);
            }
        }

        foreach (var row in added)
        {
            db.Add(row);
        }

        state.Added = added;
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        return pending.Count == 0
            ? null
            : [.. pending.GroupBy(e => e.TenantId).OrderBy(g => g.Key).Select(g => (g.Key, g.ToList()))];
    }

    private static void Describe(KontorDb db, EntityEntry entry, RecordEntity record, List<object> added)
    {
        var plan = Plans.GetOrAdd(entry.Metadata, RecordPlan.For);
        var tenant = record.TenantId != Guid.Empty ? record.TenantId : db.Tenant.TenantId ?? Guid.Empty;
        var actor = db.Actor;
        AuditEntry Entry(AuditAction action, object? detail = null) =>
            new(tenant, action, plan.RecordType, record.Id, AuditTrail.Serialize(detail), actor.ActorId, AuditTrail.KindOf(actor), actor.Channel);

        switch (entry.State)
        {
            case EntityState.Added:
                added.Add(Entry(AuditAction.Create));
                break;
            case EntityState.Deleted:
                added.Add(Entry(AuditAction.Purge));
                break;
            case EntityState.Modified:
                var deleted = entry.Property(nameof(RecordEntity.DeletedAt));
                if (deleted.OriginalValue is null && deleted.CurrentValue is not null)
                {
                    added.Add(Entry(AuditAction.Delete));
                }
                else if (deleted.OriginalValue is not null && deleted.CurrentValue is null)
                {
                    added.Add(Entry(AuditAction.Restore));
                }

                var fields = new List<string>();
                foreach (var change in FieldChangesOf(db, entry, tenant))
                {
                    fields.Add(change.Field);
                    added.Add(change);
                }

                if (fields.Count > 0)
                {
                    added.Add(Entry(AuditAction.Update, new { fields }));
                }

                break;
            case EntityState.Detached:
            case EntityState.Unchanged:
                break;
        }
    }

    /// <summary>
    /// The field history rows of a modified record: one per audited field whose shown value changed. Also used by
    /// writers that bypass <c>SaveChanges</c> (the import's bulk path), so both write the same history.
    /// </summary>
    internal static IEnumerable<FieldChange> FieldChangesOf(KontorDb db, EntityEntry entry, Guid tenant)
    {
        var plan = Plans.GetOrAdd(entry.Metadata, RecordPlan.For);
        var record = (RecordEntity)entry.Entity;
        var now = db.Clock.GetUtcNow();
        foreach (var (field, value) in plan.Fields(entry))
        {
            var before = FieldValues.Format(value.OriginalValue);
            var after = FieldValues.Format(value.CurrentValue);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                yield return new FieldChange(plan.RecordType, record.Id, field, before, after, now, db.Actor.ActorId, db.Actor.Channel) { TenantId = tenant };
            }
        }
    }

    /// <summary>Takes back what an earlier, failed attempt of this save added.</summary>
    private static void Discard(KontorDb db, SaveState state)
    {
        foreach (var row in state.Added)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        state.Added = [];
    }

    private IDbContextTransaction? Finish(DbContext? context)
    {
        if (context is null || !states.TryGetValue(context, out var state))
        {
            return null;
        }

        state.Added = [];
        var transaction = state.Transaction;
        state.Transaction = null;
        return transaction;
    }

    /// <summary>Takes back the added rows; returns the transaction this interceptor began, to be disposed (rolled back).</summary>
    private IDbContextTransaction? Abandon(DbContext? context)
    {
        if (context is not KontorDb db || !states.TryGetValue(db, out var state))
        {
            return null;
        }

        Discard(db, state);
        var transaction = state.Transaction;
        state.Transaction = null;
        return transaction;
    }

    private static void Link(List<AuditEntry> entries, Head? head, DateTimeOffset now)
    {
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditChain.Genesis;
        foreach (var entry in entries)
        {
            entry.Chain(++sequence, now, previous);
            previous = entry.Hash;
        }
    }

    private static IQueryable<Head> HeadQuery(KontorDb db, Guid tenant) =>
        db.Set<AuditEntry>().IgnoreQueryFilters([KontorDb.Filters.Tenant]).AsNoTracking()
            .Where(e => e.TenantId == tenant)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new Head(e.Sequence, e.Hash));

    // On SQLite the transaction itself holds the database's one write lock (BEGIN IMMEDIATE); PostgreSQL needs a lock
    // per tenant, held until commit, so two writers of one tenant read the head one after the other.
    private static void LockChain(KontorDb db, Guid tenant)
    {
        if (db.Database.IsNpgsql())
        {
            db.Database.ExecuteSqlRaw("SELECT pg_advisory_xact_lock({0})", LockKey(tenant));
        }
    }

    private static async Task LockChainAsync(KontorDb db, Guid tenant, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [LockKey(tenant)], ct);
        }
    }

    /// <summary>The advisory lock of a tenant's chain: the first eight bytes of SHA-256 over "kontor-audit:" and the tenant id.</summary>
    internal static long LockKey(Guid tenant) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("kontor-audit:" + tenant.ToString("D"))), 0);

    private sealed record Head(long Sequence, string Hash);

    private sealed class SaveState
    {
        public List<object> Added { get; set; } = [];
        public IDbContextTransaction? Transaction { get; set; }
    }

    /// <summary>A record type's key in the audit log and its audited fields.</summary>
    private sealed class RecordPlan(string recordType, IReadOnlyList<string> scalars, IReadOnlyList<IComplexProperty> complexes)
    {
        public string RecordType { get; } = recordType;

        public static RecordPlan For(IEntityType type)
        {
            var key = AuditTrail.RecordTypeOf(type.ClrType);
            var scalars = type.GetProperties().Where(p => p.PropertyInfo?.IsDefined(typeof(AuditedAttribute)) == true).Select(p => p.Name).ToList();
            var complexes = type.GetComplexProperties().Where(p => p.PropertyInfo?.IsDefined(typeof(AuditedAttribute)) == true).ToList();
            return new RecordPlan(key, scalars, complexes);
        }

        public IEnumerable<(string Field, PropertyEntry Value)> Fields(EntityEntry entry)
        {
            foreach (var name in scalars)
            {
                yield return (name, entry.Property(name));
            }

            foreach (var complex in complexes)
            {
                var value = entry.ComplexProperty(complex.Name);
                foreach (var part in complex.ComplexType.GetProperties())
                {
                    yield return ($"{complex.Name}.{part.Name}", value.Property(part.Name));
                }
            }
        }
    }
}
