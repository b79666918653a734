using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Products;

internal static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").WithTags("Products").RequireAuthorization(KontorAuth.ApiPolicy);
        ListProducts.Map(products);
        CreateProduct.Map(products);
        UpdateProduct.Map(products);
        var lists = app.MapGroup("/api/price-lists").WithTags("Price lists").RequireAuthorization(KontorAuth.ApiPolicy);
        ListPriceLists.Map(lists);
        GetPriceList.Map(lists);
        SavePriceList.Map(lists);
        SetPrice.Map(lists);
        LookUpPrice.Map(lists);
        return app;
    }
}
