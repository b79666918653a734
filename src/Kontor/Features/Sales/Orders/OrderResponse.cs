using Kontor.Features.Sales.Quotes;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Orders;

/// <summary>An order as the API, the export and the outbox event carry it; amounts in minor units of <see cref="Currency"/>.</summary>
public sealed record OrderResponse(
    Guid Id,
    string Number,
    Guid QuoteId,
    string QuoteNumber,
    Guid OpportunityId,
    Guid AccountId,
    string? AccountName,
    DateOnly OrderDate,
    string Currency,
    string TaxCountry,
    long Subtotal,
    long QuoteDiscount,
    long NetTotal,
    long TaxTotal,
    long GrossTotal,
    string? ErpOrderNumber,
    string? ErpStatus,
    DateTimeOffset? ErpUpdatedAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<QuoteLineResponse> Lines);

/// <summary>Reads orders the way the API and the export show them.</summary>
internal static class OrderExport
{
    /// <summary>The orders whose opportunity the user can see (orders follow their opportunity's visibility).</summary>
    public static IQueryable<Order> Visible(KontorDb db) =>
        db.Orders.Where(o => db.Opportunities.Any(op => op.Id == o.OpportunityId));

    public static OrderResponse Of(Order o, string? accountName = null) => new(
        o.Id, o.Number, o.QuoteId, o.QuoteNumber, o.OpportunityId, o.AccountId, accountName, o.OrderDate, o.Currency, o.TaxCountry,
        o.Subtotal, o.QuoteDiscount, o.NetTotal, o.TaxTotal, o.GrossTotal, o.ErpOrderNumber, o.ErpStatus, o.ErpUpdatedAt, o.CreatedAt,
        [.. o.Lines.OrderBy(l => l.Position).Select(QuoteLineResponse.Of)]);

    /// <summary>The visible orders (all, or the one with <paramref name="id"/>) with lines and account names, newest first.</summary>
    public static async Task<List<OrderResponse>> LoadAsync(KontorDb db, Guid? id, int limit, CancellationToken ct)
    {
        var query = Visible(db).AsNoTracking();
        if (id is { } one)
        {
            query = query.Where(o => o.Id == one);
        }

        var rows = await query.OrderByDescending(o => o.Sequence).Take(limit)
            .Select(o => new { Order = o, Lines = o.Lines.ToList(), AccountName = db.Accounts.Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. rows.Select(r => Of(WithLines(r.Order, r.Lines), r.AccountName))];
    }

    private static Order WithLines(Order order, List<OrderLine> lines)
    {
        if (order.Lines.Count == 0)
        {
            order.Lines.AddRange(lines);
        }

        return order;
    }
}
