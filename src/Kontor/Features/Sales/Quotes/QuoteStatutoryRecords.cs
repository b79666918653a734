using Kontor.Platform.Data;
using Kontor.Platform.Retention.Rules;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Quotes;

/// <summary>
/// Quotes the law makes the business keep: a quote that became an order as long as the order's period runs
/// (<see cref="StatutoryPeriods.QuoteOrdered"/>, counted from the order date), a sent quote as a commercial letter
/// (<see cref="StatutoryPeriods.QuoteSent"/>, counted from when it was sent). Drafts never sent have no period.
/// </summary>
internal sealed class QuoteStatutoryRecords : IStatutoryRecords
{
    public string RecordType => "quote";

    public IQueryable<Guid> KeptIds(KontorDb db, StatutoryPeriods periods, DateTimeOffset now)
    {
        var orderedFrom = periods.CutoffDateOf(StatutoryPeriods.QuoteOrdered, now);
        var sentFrom = periods.CutoffOf(StatutoryPeriods.QuoteSent, now);
        var ordered = db.Orders.Where(o => o.OrderDate >= orderedFrom).Select(o => o.QuoteId);
        return db.Quotes.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .Where(q => ordered.Contains(q.Id) || (q.SentAt != null && q.SentAt >= sentFrom))
            .Select(q => q.Id);
    }
}
