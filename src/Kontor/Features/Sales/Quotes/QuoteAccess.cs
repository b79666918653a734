using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Quotes;

/// <summary>
/// Quotes and orders follow their opportunity's visibility: a quote is visible exactly when the record-access filter
/// lets the user see its opportunity, and changing it needs the right to edit the opportunity.
/// </summary>
internal static class QuoteAccess
{
    /// <summary>The quotes whose opportunity the user can see.</summary>
    public static IQueryable<Quote> Visible(KontorDb db) =>
        db.Quotes.Where(q => db.Opportunities.Any(o => o.Id == q.OpportunityId));

    /// <summary>The visible quote with its lines, tracked for a change; null when it does not exist or is not visible.</summary>
    public static Task<Quote?> ForChangeAsync(Guid id, KontorDb db, CancellationToken ct) =>
        Visible(db).Include(q => q.Lines).SingleOrDefaultAsync(q => q.Id == id, ct);

    /// <summary>Throws 403 unless the user may edit the quote's opportunity (which they can see).</summary>
    public static async Task<Opportunity> RequireEditAsync(Guid opportunityId, KontorDb db, AccessScope access, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == opportunityId, ct);
        access.RequireChange(opportunity, ObjectPermissions.Edit);
        return opportunity;
    }

    /// <summary>
    /// Loads the visible quote for a change and marks it expired first when its validity ran out. When the nightly
    /// expiry (or another reader) expired it at the same moment, the quote is read again as it now is, instead of
    /// failing the read or the action with a conflict. Null when it does not exist or is not visible.
    /// </summary>
    public static async Task<Quote?> ForChangeExpiredIfDueAsync(Guid id, KontorDb db, CancellationToken ct)
    {
        var quote = await ForChangeAsync(id, db, ct);
        if (quote is null || !quote.ExpireIfDue(Today(db)))
        {
            return quote;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return quote;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ForChangeAsync(id, db, ct);
        }
    }

    public static DateOnly Today(KontorDb db) => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
}
