using System.ComponentModel.DataAnnotations;
using Kontor.Platform.Validation;

namespace Kontor.Features.Sales.Quotes;

/// <summary>
/// A quote as clients send it: the body of <c>POST /api/quotes</c> (with <see cref="OpportunityId"/>) and of
/// <c>PUT /api/quotes/{id}</c> (the whole draft: discounts, validity, notes and lines), and the quote editor's model.
/// </summary>
public sealed class QuoteRequest
{
    /// <summary>The opportunity the quote is for; only read on create.</summary>
    public Guid? OpportunityId { get; set; }

    /// <summary>Last day the offer holds; the quote date plus the tenant's validity days when left out.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>Quote discount in percent of the subtotal, 0–100 with up to 2 decimals.</summary>
    public decimal? DiscountPercent { get; set; }

    /// <summary>Quote discount in minor units, taken off after the percentage.</summary>
    public long? DiscountAmount { get; set; }

    /// <summary>Text printed below the lines.</summary>
    [MaxChars(4000)]
    public string? Notes { get; set; }

    [MaxLength(200)]
    public List<QuoteLineRequest> Lines { get; set; } = [];
}

/// <summary>A line as clients send it: a product, a quantity and the line's discounts; the unit price comes from the price list.</summary>
public sealed class QuoteLineRequest
{
    public Guid ProductId { get; set; }

    /// <summary>Greater than 0, up to 4 decimals (2.5 hours).</summary>
    public decimal Quantity { get; set; } = 1;

    /// <summary>Line discount in percent of the line amount, 0–100 with up to 2 decimals.</summary>
    public decimal? DiscountPercent { get; set; }

    /// <summary>Line discount in minor units, taken off after the percentage.</summary>
    public long? DiscountAmount { get; set; }

    /// <summary>The line's text; the product's name when left out.</summary>
    [MaxChars(500)]
    public string? Description { get; set; }
}

/// <summary>The body of the approval decision and of the customer's rejection.</summary>
public sealed class QuoteCommentRequest
{
    [MaxChars(1000)]
    public string? Comment { get; set; }
}
