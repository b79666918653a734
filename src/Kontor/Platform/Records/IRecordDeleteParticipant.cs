using Kontor.Platform.Data;

namespace Kontor.Platform.Records;

/// <summary>
/// Records of another module that belong to a record and go to the recycle bin with it (an account's open
/// opportunities). The delete and the restore call every registered participant inside their unit of work, before
/// they save; a participant changes tracked entities on the given context and never saves. Records deleted with the
/// record carry its <c>DeletedAt</c>, which is how the restore finds exactly those and not ones deleted before.
/// </summary>
public interface IRecordDeleteParticipant
{
    /// <summary>Moves what belongs to <paramref name="deleted"/> to the recycle bin, stamped with <paramref name="deletedAt"/>.</summary>
    Task DeleteAsync(KontorDb db, RecordRef deleted, Guid? actor, DateTimeOffset deletedAt, CancellationToken ct);

    /// <summary>Brings back what went to the recycle bin with <paramref name="restored"/> at <paramref name="deletedAt"/>.</summary>
    Task RestoreAsync(KontorDb db, RecordRef restored, DateTimeOffset deletedAt, CancellationToken ct);
}
