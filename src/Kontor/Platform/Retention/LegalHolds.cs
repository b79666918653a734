using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Retention;

/// <summary>The one question retention and erasure ask before they remove anything: is this record held?</summary>
public static class LegalHolds
{
    /// <summary>Whether a hold in force protects <paramref name="record"/>.</summary>
    public static Task<bool> IsHeldAsync(KontorDb db, RecordRef record, CancellationToken ct) =>
        db.LegalHolds.AnyAsync(h => h.RecordType == record.Type && h.RecordId == record.Id && h.ReleasedAt == null, ct);

    /// <summary>The ids of records of <paramref name="recordType"/> that a hold in force protects, for set-based jobs.</summary>
    public static IQueryable<Guid> HeldIds(KontorDb db, string recordType) =>
        db.LegalHolds.Where(h => h.RecordType == recordType && h.ReleasedAt == null).Select(h => h.RecordId);
}
