using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Products;

/// <summary>A product's unit price and the price list it came from.</summary>
public sealed record PriceFound(Guid ProductId, long UnitPrice, Guid PriceListId, string PriceListName);

/// <summary>
/// Finds the price of products for a quote: from the active price lists of the quote's currency valid on the quote
/// date, the account's segment's list first, else the list without segment. When several lists of the same kind
/// apply, the one valid from the latest date wins, then the newest.
/// </summary>
internal static class PriceLookup
{
    public static async Task<Dictionary<Guid, PriceFound>> FindAsync(KontorDb db, IReadOnlyCollection<Guid> productIds, string currency, string? segment, DateOnly date, CancellationToken ct)
    {
        var candidates = await (
                from entry in db.PriceListEntries.AsNoTracking()
                join list in db.PriceLists.AsNoTracking() on entry.PriceListId equals list.Id
                where productIds.Contains(entry.ProductId)
                    && list.Active
                    && list.Currency == currency
                    && (list.Segment == null || list.Segment == segment)
                    && (list.ValidFrom == null || list.ValidFrom <= date)
                    && (list.ValidTo == null || list.ValidTo >= date)
                select new { entry.ProductId, entry.UnitPrice, list.Id, list.Name, list.Segment, list.ValidFrom })
            .ToListAsync(ct);

        return candidates
            .GroupBy(c => c.ProductId)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(c => c.Segment is null ? 1 : 0)
                    .ThenByDescending(c => c.ValidFrom ?? DateOnly.MinValue)
                    .ThenByDescending(c => c.Id)
                    .Select(c => new PriceFound(c.ProductId, c.UnitPrice, c.Id, c.Name))
                    .First());
    }
}
