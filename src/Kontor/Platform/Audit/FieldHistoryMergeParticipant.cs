using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Audit;

/// <summary>
/// A merge moves the field history of the merged record to the survivor, so the survivor's timeline shows both.
/// Audit entries stay as they were: they describe what happened to the merged record's id, and the merge itself is
/// an audit entry of its own.
/// </summary>
internal sealed class FieldHistoryMergeParticipant : IRecordMergeParticipant
{
    public async Task MoveAsync(KontorDb db, RecordRef merged, RecordRef survivor, CancellationToken ct)
    {
        var changes = await db.FieldChanges.Where(c => c.RecordType == merged.Type && c.RecordId == merged.Id).ToListAsync(ct);
        foreach (var change in changes)
        {
            change.MoveTo(survivor.Id);
        }
    }
}
