using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Products;

internal static class SetPrice
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/{id:guid}/prices/{productId:guid}", async Task<Results<Ok<PriceListResponse>, NotFound>> (
                Guid id, Guid productId, SetPriceRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, productId, request.UnitPrice, db, user, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithName(nameof(SetPrice))
            .WithSummary("Set a product's unit price in a price list")
            .WithDescription("Administrators only. The unit price is in minor units of the list's currency (cents).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id:guid}/prices/{productId:guid}", async Task<Results<Ok<PriceListResponse>, NotFound>> (
                Guid id, Guid productId, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, productId, null, db, user, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithName("RemovePrice")
            .WithSummary("Remove a product from a price list")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>Sets (or with <paramref name="unitPrice"/> null removes) a price; null when list or product does not exist.</summary>
    public static async Task<PriceListResponse?> ExecuteAsync(Guid id, Guid productId, long? unitPrice, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        if (unitPrice is < 0 or > Quotes.QuoteCalculator.MaxAmount)
        {
            throw RequestValidationException.For("unitPrice", "The unit price must be between 0 and 10^15 minor units.");
        }

        if (!await db.PriceLists.AnyAsync(l => l.Id == id, ct) || !await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return null;
        }

        var entry = await db.PriceListEntries.SingleOrDefaultAsync(e => e.PriceListId == id && e.ProductId == productId, ct);
        if (unitPrice is null)
        {
            if (entry is not null)
            {
                db.PriceListEntries.Remove(entry);
            }
        }
        else if (entry is null)
        {
            db.PriceListEntries.Add(new PriceListEntry(id, productId, unitPrice.Value));
        }
        else
        {
            entry.UnitPrice = unitPrice.Value;
        }

        await db.SaveChangesAsync(ct);
        return await GetPriceList.ExecuteAsync(id, db, ct);
    }
}
