using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Products;

internal static class ListProducts
{
    public const int MaxResults = 500;

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (string? search, bool? activeOnly, KontorDb db, CancellationToken ct) => ExecuteAsync(search, activeOnly ?? false, db, ct))
            .WithName(nameof(ListProducts))
            .WithSummary("List products")
            .WithDescription("Ordered by code; search matches code or name; at most 500 products.");

    public static async Task<List<ProductResponse>> ExecuteAsync(string? search, bool activeOnly, KontorDb db, CancellationToken ct)
    {
        var query = db.Products.AsNoTracking();
        if (activeOnly)
        {
            query = query.Where(p => p.Active);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(p => p.Code.Contains(term) || p.Name.Contains(term));
        }

        var products = await query.OrderBy(p => p.Code).Take(MaxResults).ToListAsync(ct);
        return [.. products.Select(ProductResponse.Of)];
    }
}
