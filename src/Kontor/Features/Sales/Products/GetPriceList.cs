using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Products;

internal static class GetPriceList
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<PriceListResponse>, NotFound>> (Guid id, KontorDb db, CancellationToken ct) =>
                await ExecuteAsync(id, db, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithName(nameof(GetPriceList))
            .WithSummary("Get a price list with its prices");

    public static async Task<PriceListResponse?> ExecuteAsync(Guid id, KontorDb db, CancellationToken ct)
    {
        var list = await db.PriceLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null)
        {
            return null;
        }

        var prices = await (
                from entry in db.PriceListEntries.AsNoTracking()
                join product in db.Products.AsNoTracking() on entry.ProductId equals product.Id
                where entry.PriceListId == id
                orderby product.Code
                select new PriceResponse(product.Id, product.Code, product.Name, entry.UnitPrice))
            .ToListAsync(ct);
        return PriceListResponse.Of(list, prices);
    }
}
