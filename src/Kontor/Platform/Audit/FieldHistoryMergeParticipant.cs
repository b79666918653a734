using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Audit;

/// <summary>
/// A merge moves the field history of the merged record to the survivor, so the survivor's timeline shows both, and
/// records the merge itself as an audit entry of the survivor, in the merge's transaction. Earlier audit entries stay
/// as they were: they describe what happened to the merged record's id.
/// </summary>
internal sealed class FieldHistoryMergeParticipant(AuditTrail audit) : IRecordMergeParticipant
{
    public async Task MoveAsync(KontorDb db, RecordRef merged, RecordRef survivor, CancellationToken ct)
    {
        audit.Record(db, AuditAction.Merge, survivor, new { merged = merged.Id });
        var changes = await db.FieldChanges.Where(c => c.RecordType == merged.Type && c.RecordId == merged.Id).ToListAsync(ct);
        foreach (var change in changes)
        {
            change.MoveTo(survivor.Id);
        }
    }
}
