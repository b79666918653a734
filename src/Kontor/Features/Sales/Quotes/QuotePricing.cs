using Kontor.Features.Sales.Products;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Quotes;

/// <summary>
/// Turns a request's lines into priced quote lines and runs the calculator over them: products must exist and be
/// active, prices come from the price lists (<see cref="PriceLookup"/>) at the quote date, tax rates from the quote's
/// country. Every problem is answered as a field error of the request (400).
/// </summary>
internal static class QuotePricing
{
    public static async Task<(List<QuoteLine> Lines, QuoteCalculation Result)> PriceAsync(
        Quote quote, QuoteRequest request, string? segment, KontorDb db, CancellationToken ct)
    {
        var errors = RequestValidator.Validate(request);
        for (var i = 0; i < request.Lines.Count; i++)
        {
            foreach (var (field, messages) in RequestValidator.Validate(request.Lines[i]))
            {
                errors[$"lines[{i}].{field}"] = messages;
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var productIds = request.Lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var prices = await PriceLookup.FindAsync(db, productIds, quote.Currency, segment, quote.QuoteDate, ct);
        var rates = await TaxRates.ForCountryAsync(db, quote.TaxCountry, ct);
        var lines = new List<QuoteLine>();
        var calculatorLines = new List<CalculatorLine>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (!products.TryGetValue(line.ProductId, out var product) || !product.Active)
            {
                errors[$"lines[{i}].productId"] = ["Choose an active product."];
                continue;
            }

            if (!prices.TryGetValue(product.Id, out var price))
            {
                errors[$"lines[{i}].productId"] = [$"No active price list in {quote.Currency} has a price for {product.Code} on {quote.QuoteDate:yyyy-MM-dd}."];
                continue;
            }

            if (!rates.TryGetValue(product.TaxClass, out var rate))
            {
                errors[$"lines[{i}].productId"] = [$"No {product.TaxClass} tax rate is set for {quote.TaxCountry}; set it in the quote settings."];
                continue;
            }

            lines.Add(new QuoteLine(quote.Id, i + 1, product, line.Quantity, price.UnitPrice, line.DiscountPercent, line.DiscountAmount, Text(line.Description)));
            calculatorLines.Add(new CalculatorLine(line.Quantity, price.UnitPrice, line.DiscountPercent, line.DiscountAmount, rate));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return (lines, Calculate(calculatorLines, new CalculatorDiscount(request.DiscountPercent, request.DiscountAmount)));
    }

    /// <summary>Runs the calculator; its refusals become field errors.</summary>
    public static QuoteCalculation Calculate(IReadOnlyList<CalculatorLine> lines, CalculatorDiscount discount)
    {
        try
        {
            return QuoteCalculator.Calculate(lines, discount);
        }
        catch (QuoteCalculationException e)
        {
            throw RequestValidationException.For(e.Field, e.Message);
        }
    }

    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
