using Kontor.Platform.Audit;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Data;

/// <summary>
/// The one path that removes records for good (recycle-bin purge, retention rules, erasure): first what hangs on
/// them (every <see cref="IRecordPurgeParticipant"/>, their field history with its old values in clear, undelivered
/// events with their payloads), then the records; their search entries go with their rows. Runs in the caller's
/// transaction, so a batch goes completely or not at all. The audit log keeps its entries: they hold ids and counts only.
/// </summary>
public sealed class RecordPurge(IEnumerable<IRecordPurgeParticipant> participants)
{
    /// <summary>Removes what hangs on the records but not the records themselves (an anonymised record stays).</summary>
    public async Task PurgeAttachmentsAsync(KontorDb db, string recordType, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        foreach (var participant in participants)
        {
            await participant.PurgeAsync(db, recordType, ids, ct);
        }

        // Ids are unique across record types, and an activity's history is kept under its subtype's key (note, call …).
        var list = ids.ToList();
        await db.FieldChanges.Where(c => list.Contains(c.RecordId)).ExecuteDeleteAsync(ct);
        await db.OutboxEvents.Where(e => list.Contains(e.AggregateId)).ExecuteDeleteAsync(ct);
    }

    /// <summary>Purges the records of <typeparamref name="T"/> with these ids, also those in the recycle bin; returns how many went.</summary>
    public async Task<int> PurgeAsync<T>(KontorDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
        where T : RecordEntity
    {
        await PurgeAttachmentsAsync(db, AuditTrail.RecordTypeOf(typeof(T)), ids, ct);
        var list = ids.ToList();
        return await db.Set<T>().IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess])
            .Where(r => list.Contains(r.Id))
            .ExecuteDeleteAsync(ct);
    }
}
