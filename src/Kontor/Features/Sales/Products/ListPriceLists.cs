using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Products;

internal static class ListPriceLists
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CancellationToken ct) => ExecuteAsync(db, ct))
            .WithName(nameof(ListPriceLists))
            .WithSummary("List price lists")
            .WithDescription("Every price list of the tenant without its prices, by currency, segment and start date.");

    public static async Task<List<PriceListResponse>> ExecuteAsync(KontorDb db, CancellationToken ct)
    {
        var lists = await db.PriceLists.AsNoTracking().ToListAsync(ct);
        return
        [
            .. lists.OrderBy(l => l.Currency, StringComparer.Ordinal).ThenBy(l => l.Segment, StringComparer.Ordinal).ThenBy(l => l.ValidFrom)
                .Select(l => PriceListResponse.Of(l, [])),
        ];
    }
}
