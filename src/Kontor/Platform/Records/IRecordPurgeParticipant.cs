using Kontor.Platform.Data;

namespace Kontor.Platform.Records;

/// <summary>
/// Something attached to records of another module (activities, meeting invitations …) that must go when those
/// records are purged for good. The purge calls every registered participant inside its transaction, before it
/// deletes the records; a participant deletes set-based on the given context and never commits.
/// </summary>
public interface IRecordPurgeParticipant
{
    /// <summary>Deletes what hangs on the records of <paramref name="recordType"/> with these <paramref name="ids"/>.</summary>
    Task PurgeAsync(KontorDb db, string recordType, IReadOnlyCollection<Guid> ids, CancellationToken ct);
}
