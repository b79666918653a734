using Kontor.Features.Customers;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Shared;

/// <summary>
/// When two records merge, the merged record's activities (also those in the recycle bin and those the merging user
/// cannot see: they belong to the record) move to the survivor, and meeting invitations of a merged contact go to
/// the surviving contact.
/// </summary>
internal sealed class ActivityMergeParticipant : IRecordMergeParticipant
{
    public async Task MoveAsync(KontorDb db, RecordRef merged, RecordRef survivor, CancellationToken ct)
    {
        var type = merged.Type;
        var id = merged.Id;
        var activities = await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .Where(a => a.TargetType == type && a.TargetId == id)
            .ToListAsync(ct);
        foreach (var activity in activities)
        {
            activity.MoveTo(survivor);
        }

        if (merged.Type != CustomerObjects.Contacts.Key || survivor.Type != CustomerObjects.Contacts.Key)
        {
            return;
        }

        var invitations = await db.MeetingAttendees.Where(a => a.ContactId == id).ToListAsync(ct);
        var meetingIds = invitations.Select(a => a.MeetingId).ToList();
        var survivorId = survivor.Id;
        var alreadyInvited = await db.MeetingAttendees
            .Where(a => a.ContactId == survivorId && meetingIds.Contains(a.MeetingId))
            .Select(a => a.MeetingId)
            .ToListAsync(ct);
        foreach (var invitation in invitations)
        {
            if (alreadyInvited.Contains(invitation.MeetingId))
            {
                db.MeetingAttendees.Remove(invitation);
            }
            else
            {
                invitation.MoveToContact(survivorId);
            }
        }
    }
}
