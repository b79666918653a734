using Kontor.Features.Activities.Visits;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy;

/// <summary>
/// Where a contact's or lead's data lies besides its own row: the leads converted into a contact, the activities
/// attached to either, the meetings and visits the contact took part in. Export and erasure walk the same footprint,
/// so what one shows the other removes.
/// </summary>
internal sealed record PersonalDataFootprint(RecordRef Subject, IReadOnlyList<Guid> LeadIds, IReadOnlyList<Guid> ActivityIds, IReadOnlyList<Guid> MeetingIds, IReadOnlyList<Guid> VisitIds)
{
    /// <summary>Records whose field history and audit entries are about the person.</summary>
    public IReadOnlyList<Guid> RecordIds => [Subject.Id, .. LeadIds, .. ActivityIds];

    public static async Task<PersonalDataFootprint> FindAsync(KontorDb db, RecordRef subject, CancellationToken ct)
    {
        List<Guid> leadIds = subject.Type == DataSubjects.Lead ? [subject.Id]
            : subject.Type == DataSubjects.Contact
                ? await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(l => l.ConvertedContactId == subject.Id).Select(l => l.Id).ToListAsync(ct)
                : [];
        var lead = DataSubjects.Lead;
        var contact = DataSubjects.Contact;
        var activities = await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .Where(a => (a.TargetType == subject.Type && a.TargetId == subject.Id) || (a.TargetType == lead && leadIds.Contains(a.TargetId)))
            .Select(a => a.Id).ToListAsync(ct);
        List<Guid> meetings = [];
        List<Guid> visits = [];
        if (subject.Type == contact)
        {
            meetings = await db.MeetingAttendees.Where(a => a.ContactId == subject.Id).Select(a => a.MeetingId).Distinct().ToListAsync(ct);
            visits = await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).OfType<Visit>()
                .Where(v => v.ContactIds.Contains(subject.Id)).Select(v => v.Id).ToListAsync(ct);
        }

        return new PersonalDataFootprint(subject, leadIds.Where(id => id != subject.Id).ToList(), activities, meetings, visits);
    }
}
