using Kontor.Features.Customers.Contacts;
using Kontor.Features.Privacy;
using Kontor.Features.Privacy.Consents;
using Kontor.Features.Privacy.Requests;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;

namespace Kontor.Features.Demo;

/// <summary>The demo tenant's consents and data-subject requests: one overdue, one in time, one completed.</summary>
internal static class DemoPrivacy
{
    public static async Task AddAsync(KontorDb db, IReadOnlyList<Contact> contacts, KontorUser admin, DateTimeOffset now, CancellationToken ct)
    {
        var withEmail = contacts.Where(c => c.Email is not null).Take(3).ToList();
        foreach (var (contact, index) in withEmail.Select((c, i) => (c, i)))
        {
            var phone = new Consent(contact.Id, ConsentPurposes.PhoneMarketing, LegalBasis.Consent, ConsentSource.Phone, admin.Id, now.AddDays(-40 + index));
            var email = new Consent(contact.Id, ConsentPurposes.EmailMarketing, LegalBasis.Consent, ConsentSource.WebForm, null, now.AddDays(-30 + index));
            email.AwaitConfirmation(contact.Email!, ConsentTokens.Hash(ConsentTokens.New(contact.TenantId)), now.AddDays(-23 + index));
            email.Confirm(now.AddDays(-30 + index).AddHours(2));
            db.AddRange(phone, email);
        }

        if (withEmail.Count == 3)
        {
            var overdue = new DataSubjectRequest(new RecordRef(DataSubjects.Contact, withEmail[0].Id), DataSubjectRequestKind.Access, DataSubjectRequestChannel.Email, now.AddDays(-35), admin.Id, now.AddDays(-35));
            var open = new DataSubjectRequest(new RecordRef(DataSubjects.Contact, withEmail[1].Id), DataSubjectRequestKind.Objection, DataSubjectRequestChannel.Letter, now.AddDays(-5), admin.Id, now.AddDays(-5));
            var done = new DataSubjectRequest(new RecordRef(DataSubjects.Contact, withEmail[2].Id), DataSubjectRequestKind.Rectification, DataSubjectRequestChannel.Phone, now.AddDays(-20), admin.Id, now.AddDays(-20));
            done.SetStatus(DataSubjectRequestStatus.Completed, null, admin.Id, now.AddDays(-18));
            db.AddRange(overdue, open, done);
        }

        await db.SaveChangesAsync(ct);
    }
}
