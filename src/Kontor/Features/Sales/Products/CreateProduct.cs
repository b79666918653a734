using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Sales.Products;

internal static class CreateProduct
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<ProductResponse>> (ProductRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, ct);
                return TypedResults.Created($"/api/products/{created.Id}", created);
            })
            .WithName(nameof(CreateProduct))
            .WithSummary("Create a product")
            .WithDescription("Administrators only. The code must be unique in the tenant.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<ProductResponse> ExecuteAsync(ProductRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        await request.CheckAsync(null, db, ct);
        var product = new Product(request.Code.Trim(), request.Name.Trim(), Text(request.Description), request.Unit.Trim(), request.TaxClass, request.Active);
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return ProductResponse.Of(product);
    }

    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
