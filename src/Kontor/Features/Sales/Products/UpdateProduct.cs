using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Products;

internal static class UpdateProduct
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Results<Ok<ProductResponse>, NotFound>> (Guid id, ProductRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, user, ct) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound())
            .WithName(nameof(UpdateProduct))
            .WithSummary("Change a product")
            .WithDescription("Administrators only. Existing quote and order lines keep the code, name, unit and tax class they were written with.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<ProductResponse?> ExecuteAsync(Guid id, ProductRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return null;
        }

        await request.CheckAsync(id, db, ct);
        product.Update(request.Code.Trim(), request.Name.Trim(), CreateProduct.Text(request.Description), request.Unit.Trim(), request.TaxClass, request.Active);
        await db.SaveChangesAsync(ct);
        return ProductResponse.Of(product);
    }
}
