using Kontor.Features.Sales.Quotes;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Products;

/// <summary>A product as clients send it: the body of <c>POST /api/products</c> and <c>PUT /api/products/{id}</c>, and the product form's model.</summary>
public sealed class ProductRequest
{
    /// <summary>The article number; unique per tenant.</summary>
    [Mandatory, MaxChars(50)]
    public string Code { get; set; } = "";

    [Mandatory, MaxChars(200)]
    public string Name { get; set; } = "";

    [MaxChars(2000)]
    public string? Description { get; set; }

    /// <summary>The unit of a quantity, e.g. <c>pc</c>, <c>h</c>.</summary>
    [Mandatory, MaxChars(20)]
    public string Unit { get; set; } = "pc";

    public TaxClass TaxClass { get; set; } = TaxClass.Standard;

    public bool Active { get; set; } = true;

    public static ProductRequest From(Product product) => new()
    {
        Code = product.Code,
        Name = product.Name,
        Description = product.Description,
        Unit = product.Unit,
        TaxClass = product.TaxClass,
        Active = product.Active,
    };

    /// <summary>Validates the request and that no other product of the tenant has the code.</summary>
    internal async Task CheckAsync(Guid? id, KontorDb db, CancellationToken ct)
    {
        var errors = RequestValidator.Validate(this);
        if (!Enum.IsDefined(TaxClass))
        {
            errors["taxClass"] = ["Unknown tax class."];
        }

        var code = Code.Trim();
        if (!errors.ContainsKey("code") && await db.Products.AnyAsync(p => p.Code == code && p.Id != id, ct))
        {
            errors["code"] = ["Another product already has this code."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}

/// <summary>A product as the API returns it.</summary>
public sealed record ProductResponse(Guid Id, string Code, string Name, string? Description, string Unit, TaxClass TaxClass, bool Active)
{
    public static ProductResponse Of(Product p) => new(p.Id, p.Code, p.Name, p.Description, p.Unit, p.TaxClass, p.Active);
}
