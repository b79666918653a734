using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy.Consents;

/// <summary>One consent row as the API and the contact page show it.</summary>
public sealed record ConsentResponse(
    Guid Id,
    Guid ContactId,
    string Purpose,
    LegalBasis LegalBasis,
    ConsentStatus Status,
    ConsentSource Source,
    bool Current,
    DateTimeOffset RecordedAt,
    Guid? RecordedBy,
    string? RecordedByName,
    DateTimeOffset? GrantedAt,
    DateTimeOffset? ConfirmedAt,
    string? ConfirmationSentTo,
    DateTimeOffset? ConfirmationExpiresAt,
    DateTimeOffset? WithdrawnAt,
    Guid? WithdrawnBy,
    ConsentSource? WithdrawalSource)
{
    /// <summary>Every consent row of a contact, newest first; the newest row of each purpose is its current state.</summary>
    public static async Task<IReadOnlyList<ConsentResponse>> ListAsync(KontorDb db, Guid contactId, CancellationToken ct)
    {
        var rows = await db.Set<Consent>().AsNoTracking().Where(c => c.ContactId == contactId).ToListAsync(ct);
        rows = [.. rows.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)];
        var names = await UserNames.LoadAsync(db, rows.Where(r => r.RecordedBy is not null).Select(r => r.RecordedBy!.Value), ct);
        var newest = rows.GroupBy(r => r.Purpose, StringComparer.Ordinal).Select(g => g.First().Id).ToHashSet();
        return [.. rows.Select(c => new ConsentResponse(
            c.Id, c.ContactId, c.Purpose, c.LegalBasis, c.Status, c.Source, newest.Contains(c.Id) && c.IsCurrent, c.RecordedAt, c.RecordedBy,
            c.RecordedBy is { } by ? names.GetValueOrDefault(by) : null, c.GrantedAt, c.ConfirmedAt, c.ConfirmationSentTo, c.TokenExpiresAt,
            c.WithdrawnAt, c.WithdrawnBy, c.WithdrawalSource))];
    }
}
