using System.Linq.Expressions;
using Kontor.Platform.Agreement;
using Kontor.Platform.Data;
using Kontor.Platform.Retention;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Audit.Redaction;

/// <summary>What a redaction of one category's audit entries did (or, in a dry run, would do).</summary>
/// <param name="Redacted">Entries whose person-identifying fields were (or would be) removed.</param>
/// <param name="Held">Due entries kept because a legal hold protects their person or record.</param>
/// <param name="FormatV1">Due entries kept because they were written in format v1, which cannot be redacted.</param>
/// <param name="Items">Examples of redacted entries, at most <see cref="AuditRedaction.MaxItems"/>.</param>
internal sealed record RedactionResult(int Redacted, int Held, int FormatV1, IReadOnlyList<RetentionItem> Items);

/// <summary>
/// Removes the person-identifying fields (actor, a person's record id, the salt) of a category's audit entries older
/// than its retention period (ADR 0028). Set-based and batched by sequence: each batch is one transaction that writes
/// a <see cref="AuditAction.Redact"/> entry counting it and then updates exactly the batch's rows, which the database
/// allows only as this narrow redaction. Entries whose person (actor or subject) or record is under a legal hold stay.
/// </summary>
internal static class AuditRedaction
{
    /// <summary>The record type of Redact entries.</summary>
    public const string RecordType = "auditLog";

    /// <summary>Entries per batch and Redact entry: large enough for millions of entries, small enough for one short transaction.</summary>
    public const int BatchSize = 5000;

    /// <summary>The most examples a result lists.</summary>
    public const int MaxItems = 200;

    /// <summary>
    /// The tenant the run is for. Every query names it explicitly, since the job's system scope lifts the tenant filters
    /// and a source must never reach another tenant's rows.
    /// </summary>
    public static Guid TenantOf(RetentionContext context) =>
        context.Db.Tenant.TenantId ?? throw new InvalidOperationException("A retention source runs for one tenant; bind the scope to it (TenantContext.Use) before the run.");

    /// <summary>The instant before which a category's data has expired, by the agreement in the context.</summary>
    public static (DateTimeOffset Before, RetentionPeriod Period) CutOff(RetentionContext context, EmployeeDataCategory category)
    {
        var period = context.Agreement.RuleFor(category).Retention;
        return (period.ExpiredBefore(context.Now), period);
    }

    /// <summary>Redacts (or counts, in a dry run) the due entries of a category that <paramref name="ofCategory"/> selects, <paramref name="batchSize"/> per transaction.</summary>
    public static async Task<RedactionResult> RunAsync(
        RetentionContext context, EmployeeDataCategory category, Expression<Func<AuditEntry, bool>> ofCategory, CancellationToken ct, int batchSize = BatchSize)
    {
        var db = context.Db;
        var tenant = TenantOf(context);
        var (before, period) = CutOff(context, category);
        var due = db.AuditEntries.AsNoTracking().Where(e => e.TenantId == tenant).Where(ofCategory).Where(e => e.RedactedAt == null && e.At < before);
        var held = await Held(db, due, true).CountAsync(ct);
        var free = Held(db, due, false);
        var formatV1 = await free.CountAsync(e => e.PersonalDigest == null, ct);
        var redactable = free.Where(e => e.PersonalDigest != null);
        var reason = $"{category.Key} older than {period}";

        if (context.DryRun)
        {
            var count = await redactable.CountAsync(ct);
            var examples = await redactable.OrderBy(e => e.Sequence).Select(e => e.Id).Take(MaxItems).ToListAsync(ct);
            return new RedactionResult(count, held, formatV1, [.. examples.Select(id => new RetentionItem("auditEntry", id, reason))]);
        }

        var redacted = 0;
        var items = new List<RetentionItem>();
        var after = 0L;
        while (true)
        {
            // A caller's transaction (a job that wants the whole run atomic) is joined; otherwise each batch commits on its own.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await LockChainAsync(db, tenant, ct);
            var batch = await redactable.Where(e => e.Sequence > after).OrderBy(e => e.Sequence)
                .Select(e => new { e.Id, e.Sequence }).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var record = AuditTrail.RecordInTenant(db, tenant, AuditAction.Redact, RecordType,
                new AuditRedactionRecord(category.Key, batch.Count, batch[0].Sequence, batch[^1].Sequence, before, period.ToString()));
            await db.SaveChangesAsync(ct);
            var ids = batch.Select(b => b.Id).ToList();
            var at = record.At;
            var by = record.Sequence;
            var updated = await db.AuditEntries
                .Where(e => e.TenantId == tenant && ids.Contains(e.Id) && e.RedactedAt == null && e.PersonalDigest != null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(e => e.ActorId, (Guid?)null)
                        .SetProperty(e => e.PersonalSalt, (string?)null)
                        .SetProperty(e => e.RecordId, e => e.RecordType == "user" || e.RecordType == "employee" ? null : e.RecordId) // AuditChain.PersonRecordTypes
                        .SetProperty(e => e.RedactedAt, at)
                        .SetProperty(e => e.RedactedBy, by),
                    ct);
            if (updated != batch.Count)
            {
                // Another run redacted some of the batch meanwhile; the Redact entry would count wrongly, so the batch's
                // transaction is rolled back with its Redact entry.
                throw new InvalidOperationException($"Redaction of {category.Key} expected to change {batch.Count} audit entries and changed {updated}; the batch was rolled back.");
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            db.Entry(record).State = EntityState.Detached;
            redacted += batch.Count;
            items.AddRange(batch.Take(MaxItems - items.Count).Select(b => new RetentionItem("auditEntry", b.Id, reason)));
            after = batch[^1].Sequence;
            if (batch.Count < batchSize)
            {
                break;
            }
        }

        return new RedactionResult(redacted, held, formatV1, items);
    }

    /// <summary>
    /// Entries a legal hold in force protects (<paramref name="held"/> true) or does not: a hold on the acting user, on the
    /// user an employee entry is about, or on the entry's record itself (an account whose history is evidence).
    /// </summary>
    public static IQueryable<AuditEntry> Held(KontorDb db, IQueryable<AuditEntry> entries, bool held) =>
        held
            ? entries.Where(e => db.LegalHolds.Any(h => h.TenantId == e.TenantId && h.ReleasedAt == null
                && ((h.RecordType == "user" && (h.RecordId == e.ActorId || (e.RecordType == "employee" && h.RecordId == e.RecordId)))
                    || (h.RecordType == e.RecordType && h.RecordId == e.RecordId))))
            : entries.Where(e => !db.LegalHolds.Any(h => h.TenantId == e.TenantId && h.ReleasedAt == null
                && ((h.RecordType == "user" && (h.RecordId == e.ActorId || (e.RecordType == "employee" && h.RecordId == e.RecordId)))
                    || (h.RecordType == e.RecordType && h.RecordId == e.RecordId))));

    // The Redact entry's sequence and the batch must not interleave with another redaction of the tenant: on PostgreSQL
    // the chain's advisory lock is taken before the batch is read (the save takes it again, which is free within the
    // transaction); on SQLite the database's write lock serialises writers.
    private static async Task LockChainAsync(KontorDb db, Guid tenant, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [AuditInterceptor.LockKey(tenant)], ct);
        }
    }
}
