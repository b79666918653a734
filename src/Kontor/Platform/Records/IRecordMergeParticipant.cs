using Kontor.Platform.Data;

namespace Kontor.Platform.Records;

/// <summary>
/// Something attached to records (activities, field history, search entries …) that must follow a record when two
/// records are merged. The merge calls every registered participant inside its transaction, before it saves;
/// a participant changes tracked entities or issues set-based updates on the given context, and never saves.
/// </summary>
public interface IRecordMergeParticipant
{
    Task MoveAsync(KontorDb db, RecordRef merged, RecordRef survivor, CancellationToken ct);
}
