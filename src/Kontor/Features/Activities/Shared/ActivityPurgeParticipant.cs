using Kontor.Features.Customers;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Shared;

/// <summary>
/// When records are purged, their activities go too (also those in the recycle bin: they belong to the record), with
/// the activities' own field history, and a purged contact's meeting invitations.
/// </summary>
internal sealed class ActivityPurgeParticipant : IRecordPurgeParticipant
{
    public async Task PurgeAsync(KontorDb db, string recordType, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var activities = db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .Where(a => a.TargetType == recordType && list.Contains(a.TargetId))
            .Select(a => a.Id);
        await db.FieldChanges.Where(c => activities.Contains(c.RecordId)).ExecuteDeleteAsync(ct);
        await db.OutboxEvents.Where(e => activities.Contains(e.AggregateId)).ExecuteDeleteAsync(ct);
        await db.MeetingAttendees.Where(a => activities.Contains(a.MeetingId)).ExecuteDeleteAsync(ct);
        await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .Where(a => a.TargetType == recordType && list.Contains(a.TargetId))
            .ExecuteDeleteAsync(ct);

        if (recordType == CustomerObjects.Contacts.Key)
        {
            await db.MeetingAttendees.Where(a => a.ContactId != null && list.Contains(a.ContactId.Value)).ExecuteDeleteAsync(ct);
        }
    }
}
