using Kontor.Platform.Http;
using Kontor.Platform.Validation;

namespace Kontor.Features.Sales.Products;

/// <summary>A price list's header as clients send it (<c>POST /api/price-lists</c>, <c>PUT /api/price-lists/{id}</c>).</summary>
public sealed class PriceListRequest
{
    [Mandatory, MaxChars(200)]
    public string Name { get; set; } = "";

    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    [Mandatory, MaxChars(3)]
    public string Currency { get; set; } = "EUR";

    /// <summary>The account segment the list is for; empty for the list every segment falls back to.</summary>
    [MaxChars(100)]
    public string? Segment { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public bool Active { get; set; } = true;

    internal void Check()
    {
        var errors = RequestValidator.Validate(this);
        if (!errors.ContainsKey("currency") && (Currency.Trim().Length != 3 || !Currency.Trim().All(char.IsAsciiLetter)))
        {
            errors["currency"] = ["Use a three-letter ISO 4217 currency code, e.g. EUR."];
        }

        if (ValidFrom is { } from && ValidTo is { } to && to < from)
        {
            errors["validTo"] = ["The list must end on or after the day it starts."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}

/// <summary>A price list with its prices.</summary>
public sealed record PriceListResponse(
    Guid Id, string Name, string Currency, string? Segment, DateOnly? ValidFrom, DateOnly? ValidTo, bool Active, IReadOnlyList<PriceResponse> Prices)
{
    public static PriceListResponse Of(PriceList list, IReadOnlyList<PriceResponse> prices) =>
        new(list.Id, list.Name, list.Currency, list.Segment, list.ValidFrom, list.ValidTo, list.Active, prices);
}

/// <summary>A product's unit price in a price list, in minor units.</summary>
public sealed record PriceResponse(Guid ProductId, string ProductCode, string ProductName, long UnitPrice);

/// <summary>The body of <c>PUT /api/price-lists/{id}/prices/{productId}</c>.</summary>
public sealed record SetPriceRequest(long UnitPrice);
