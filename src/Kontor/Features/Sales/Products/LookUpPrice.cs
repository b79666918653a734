using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Sales.Products;

internal static class LookUpPrice
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/price", async Task<Results<Ok<PriceFound>, NotFound>> (Guid productId, string currency, string? segment, DateOnly date, KontorDb db, CancellationToken ct) =>
                await ExecuteAsync(productId, currency, segment, date, db, ct) is { } price ? TypedResults.Ok(price) : TypedResults.NotFound())
            .WithName(nameof(LookUpPrice))
            .WithSummary("Find the price a quote would use")
            .WithDescription("The active list of the currency valid on the date for the segment, else the list without segment. 404 when no list has a price.")
            .ProducesValidationProblem();

    public static async Task<PriceFound?> ExecuteAsync(Guid productId, string currency, string? segment, DateOnly date, KontorDb db, CancellationToken ct)
    {
        if (currency.Length != 3)
        {
            throw RequestValidationException.For("currency", "Use a three-letter ISO 4217 currency code, e.g. EUR.");
        }

        var found = await PriceLookup.FindAsync(db, [productId], currency.ToUpperInvariant(), string.IsNullOrWhiteSpace(segment) ? null : segment.Trim(), date, ct);
        return found.GetValueOrDefault(productId);
    }
}
