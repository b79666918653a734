using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Products;

internal static class SavePriceList
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<Created<PriceListResponse>> (PriceListRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var created = (await ExecuteAsync(null, request, db, user, ct))!;
                return TypedResults.Created($"/api/price-lists/{created.Id}", created);
            })
            .WithName("CreatePriceList")
            .WithSummary("Create a price list")
            .WithDescription("Administrators only. A list without segment is the fallback for every segment.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", async Task<Results<Ok<PriceListResponse>, NotFound>> (Guid id, PriceListRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, user, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithName("UpdatePriceList")
            .WithSummary("Change a price list's name, currency, segment, validity or state")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>Creates a list (<paramref name="id"/> null) or changes one; null when the list does not exist.</summary>
    public static async Task<PriceListResponse?> ExecuteAsync(Guid? id, PriceListRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        request.Check();
        var currency = request.Currency.Trim().ToUpperInvariant();
        var segment = CreateProduct.Text(request.Segment);
        PriceList? list;
        if (id is null)
        {
            list = new PriceList(request.Name.Trim(), currency, segment, request.ValidFrom, request.ValidTo, request.Active);
            db.PriceLists.Add(list);
        }
        else
        {
            list = await db.PriceLists.SingleOrDefaultAsync(l => l.Id == id, ct);
            if (list is null)
            {
                return null;
            }

            list.Update(request.Name.Trim(), currency, segment, request.ValidFrom, request.ValidTo, request.Active);
        }

        await db.SaveChangesAsync(ct);
        return await GetPriceList.ExecuteAsync(list.Id, db, ct);
    }
}
