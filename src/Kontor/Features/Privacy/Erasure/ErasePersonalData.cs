using Kontor.Features.Activities.Visits;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Privacy.Consents;
using Kontor.Features.Privacy.Requests;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy.Erasure;

/// <summary>What an erasure removed, in counts (the same counts go to the audit log).</summary>
public sealed record ErasureOutcome(
    Guid RequestId, string SubjectType, Guid SubjectId, string Treatment, int Leads, int Activities, int FieldChanges, int Consents, int MeetingInvitations, int VisitLinks);

/// <summary>
/// <c>POST /api/privacy/requests/{id}/erase</c>: carries out an erasure request (Art. 17) in one transaction and
/// completes it. Refused (409) while a legal hold is in force. A contact is anonymised (opportunities, quotes and
/// meetings keep pointing at the row); a lead is deleted; an employee's user is anonymised and locked out, keeping the
/// id so business records and the audit log stay consistent. See docs/privacy.md.
/// </summary>
internal static class ErasePersonalData
{
    /// <summary>The name an anonymised contact or user shows instead of the person's.</summary>
    public const string ErasedName = "Erased";

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/erase", async Task<Results<Ok<ErasureOutcome>, NotFound>> (
                Guid id, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, audit, clock, ct) is { } outcome ? TypedResults.Ok(outcome) : TypedResults.NotFound())
            .WithName(nameof(ErasePersonalData))
            .WithSummary("Erase the person of an erasure request and complete the request")
            .WithDescription("Administrators only. 409 when the request is not an open erasure request or a legal hold is in force for the person.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<ErasureOutcome?> ExecuteAsync(Guid requestId, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        PrivacyAccess.RequireChange(user);
        var request = await db.Set<DataSubjectRequest>().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return null;
        }

        if (request.Kind != DataSubjectRequestKind.Erasure || request.IsClosed)
        {
            throw new BusinessRuleException(PrivacyText.Message("Only an open erasure request can be carried out."));
        }

        var subject = request.Subject;
        if (await DataSubjects.IsHeldAsync(db, subject, ct))
        {
            throw new BusinessRuleException(PrivacyText.Message("A legal hold is in force for this person, so nothing was erased. Release the hold first, or refuse the request with the hold as reason."));
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = subject.Type == DataSubjects.Employee
            ? await EraseEmployeeAsync(db, request, ct)
            : await EraseCustomerPersonAsync(db, request, ct);

        request.SetStatus(DataSubjectRequestStatus.Completed, reason: null, user.ActorId, now);
        audit.Record(db, AuditAction.Purge, subject, new
        {
            erasure = true,
            requestId = request.Id,
            treatment = outcome.Treatment,
            leads = outcome.Leads,
            activities = outcome.Activities,
            fieldChanges = outcome.FieldChanges,
            consents = outcome.Consents,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return outcome;
    }

    private static async Task<ErasureOutcome> EraseCustomerPersonAsync(KontorDb db, DataSubjectRequest request, CancellationToken ct)
    {
        var subject = request.Subject;
        var footprint = await PersonalDataFootprint.FindAsync(db, subject, ct);
        var treatment = "none";
        var invitations = 0;
        var visitLinks = 0;
        var consents = 0;

        var names = await NamesAsync(db, subject, footprint, ct);
        var activities = await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(a => footprint.ActivityIds.Contains(a.Id)).ToListAsync(ct);
        db.Activities.RemoveRange(activities);

        if (subject.Type == DataSubjects.Contact)
        {
            invitations = await db.MeetingAttendees.Where(a => a.ContactId == subject.Id).ExecuteDeleteAsync(ct);
            foreach (var visit in await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).OfType<Visit>()
                         .Where(v => footprint.VisitIds.Contains(v.Id)).ToListAsync(ct))
            {
                visit.ContactIds.Remove(subject.Id);
                visitLinks++;
            }

            consents = await db.Set<Consent>().Where(c => c.ContactId == subject.Id).ExecuteDeleteAsync(ct);
            if (await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).SingleOrDefaultAsync(c => c.Id == subject.Id, ct) is { } contact)
            {
                Anonymise(db, contact);
                treatment = "anonymised";
            }
        }

        var leadIds = subject.Type == DataSubjects.Lead ? [subject.Id, .. footprint.LeadIds] : footprint.LeadIds;
        var leads = await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(l => leadIds.Contains(l.Id)).ToListAsync(ct);
        db.Leads.RemoveRange(leads);
        if (subject.Type == DataSubjects.Lead && leads.Count > 0)
        {
            treatment = "deleted";
        }

        // Saving writes field history of the anonymisation itself; it goes with the older history below.
        await db.SaveChangesAsync(ct);
        var recordIds = footprint.RecordIds;
        var history = await db.FieldChanges.Where(c => recordIds.Contains(c.RecordId)).ExecuteDeleteAsync(ct);

        // An import's duplicate warning quotes the existing record's name ("Likely a duplicate of "Erika Muster"").
        foreach (var name in names)
        {
            var quoted = $"\"{name}\"";
            await db.ImportRowErrors.Where(e => e.Message.Contains(quoted)).ExecuteDeleteAsync(ct);
        }

        return new ErasureOutcome(request.Id, subject.Type, subject.Id, treatment, leads.Count, activities.Count, history, consents, invitations, visitLinks);
    }

    /// <summary>The names the person's records are shown by, as import messages quote them.</summary>
    private static async Task<List<string>> NamesAsync(KontorDb db, RecordRef subject, PersonalDataFootprint footprint, CancellationToken ct)
    {
        var leadIds = subject.Type == DataSubjects.Lead ? [subject.Id, .. footprint.LeadIds] : footprint.LeadIds;
        var names = await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(l => leadIds.Contains(l.Id))
            .Select(l => new { l.FirstName, l.LastName }).ToListAsync(ct);
        if (subject.Type == DataSubjects.Contact)
        {
            names.AddRange(await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(c => c.Id == subject.Id)
                .Select(c => new { c.FirstName, c.LastName }).ToListAsync(ct));
        }

        return [.. names.Select(n => $"{n.FirstName} {n.LastName}".Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private static void Anonymise(KontorDb db, Contact contact)
    {
        contact.Apply(new ContactFields(
            Salutation.None, Title: null, FirstName: null, LastName: ErasedName, JobTitle: null, Email: null, Phone: null, MobilePhone: null,
            PreferredLanguage: null, contact.AccountId, contact.OwnerId, Description: null, ExternalId: null));

        // Nothing of the person may find or match the row: no search terms, no duplicate key, a neutral sort name.
        var entry = db.Entry(contact);
        entry.Property(c => c.SearchTerms).CurrentValue = "";
        entry.Property(c => c.SortName).CurrentValue = "";
        entry.Property(c => c.MatchName).CurrentValue = null;
    }

    private static async Task<ErasureOutcome> EraseEmployeeAsync(KontorDb db, DataSubjectRequest request, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == request.SubjectId, ct);
        var placeholder = $"erased-{user.Id:N}@erased.invalid";
        user.FirstName = "";
        user.LastName = ErasedName;
        user.Email = placeholder;
        user.NormalizedEmail = placeholder.ToUpperInvariant();
        user.UserName = placeholder;
        user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.Region = null;
        user.IsActive = false;

        // A new stamp ends every session and token issued before.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.PersonalAccessTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return new ErasureOutcome(request.Id, DataSubjects.Employee, user.Id, "anonymised", 0, 0, 0, 0, 0, 0);
    }
}
