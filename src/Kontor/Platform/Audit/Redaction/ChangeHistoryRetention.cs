using Kontor.Platform.Agreement;
using Kontor.Platform.Retention;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Audit.Redaction;

/// <summary>
/// Retention of the works agreement's <c>change-history</c>: who changed what. Audit entries of record changes and data
/// movements made by a user lose the user's id, and field history rows lose <see cref="FieldChange.ChangedBy"/>, once
/// the category's period is over; what changed and when stays.
/// </summary>
internal sealed class ChangeHistoryRetention : IRetentionSource
{
    /// <summary>The field history rows one statement anonymises.</summary>
    private const int BatchSize = 5000;

    public string Key => EmployeeDataCategories.ChangeHistory.Key;

    public async Task<RetentionOutcome> ApplyAsync(RetentionContext context, CancellationToken ct)
    {
        var category = EmployeeDataCategories.ChangeHistory;
        var audit = await AuditRedaction.RunAsync(
            context,
            category,
            e => e.ActorId != null && (e.Action == AuditAction.Create || e.Action == AuditAction.Update || e.Action == AuditAction.Delete
                || e.Action == AuditAction.Restore || e.Action == AuditAction.Purge || e.Action == AuditAction.Merge
                || e.Action == AuditAction.Import || e.Action == AuditAction.Export),
            ct);

        var (before, period) = AuditRedaction.CutOff(context, category);
        var db = context.Db;
        var tenant = AuditRedaction.TenantOf(context);
        var due = db.FieldChanges.Where(c => c.TenantId == tenant && c.ChangedBy != null && c.ChangedAt < before);
        var held = due.Where(c => db.LegalHolds.Any(h => h.TenantId == tenant && h.ReleasedAt == null
            && ((h.RecordType == "user" && h.RecordId == c.ChangedBy) || (h.RecordType == c.RecordType && h.RecordId == c.RecordId))));
        var free = due.Where(c => !db.LegalHolds.Any(h => h.TenantId == tenant && h.ReleasedAt == null
            && ((h.RecordType == "user" && h.RecordId == c.ChangedBy) || (h.RecordType == c.RecordType && h.RecordId == c.RecordId))));
        var heldRows = await held.CountAsync(ct);
        var examples = await free.OrderBy(c => c.Id).Select(c => c.Id).Take(Math.Max(0, AuditRedaction.MaxItems - audit.Items.Count)).ToListAsync(ct);
        var anonymised = context.DryRun ? await free.CountAsync(ct) : await AnonymiseAsync(free, context.Now, ct);

        return new RetentionOutcome(
            Key,
            Deleted: 0,
            Anonymised: audit.Redacted + anonymised,
            Held: audit.Held + audit.FormatV1 + heldRows,
            [.. audit.Items, .. examples.Select(id => new RetentionItem("fieldChange", id, $"{category.Key} older than {period}"))]);
    }

    /// <summary>Clears the author of the due rows, one batch of ids per statement so no statement holds millions of row locks.</summary>
    private static async Task<int> AnonymiseAsync(IQueryable<FieldChange> free, DateTimeOffset now, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var ids = await free.OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return total;
            }

            total += await free.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(c => c.ChangedBy, (Guid?)null).SetProperty(c => c.ChangedByRedactedAt, now), ct);
            if (ids.Count < BatchSize)
            {
                return total;
            }
        }
    }
}
