namespace Kontor.Features.Sales.Quotes;

/// <summary>A product's tax class; the rate comes from the tenant's tax rates for the quote's country.</summary>
public enum TaxClass
{
    Standard,
    Reduced,
    Exempt,
}

/// <summary>One line as the calculator reads it: quantity, unit list price in minor units and the line's discounts.</summary>
public sealed record CalculatorLine(decimal Quantity, long UnitPrice, decimal? DiscountPercent, long? DiscountAmount, decimal TaxRatePercent);

/// <summary>The quote-level discount: a percentage of the subtotal and/or an absolute amount in minor units.</summary>
public sealed record CalculatorDiscount(decimal? Percent, long? Amount)
{
    public static CalculatorDiscount None { get; } = new(null, null);
}

/// <summary>The computed amounts of one line, all in minor units.</summary>
public sealed record CalculatedLine(
    long GrossAmount,
    long LineDiscount,
    long NetAmount,
    long QuoteDiscountShare,
    long TaxableAmount,
    decimal TaxRatePercent,
    long TaxAmount,
    long TotalAmount);

/// <summary>The tax of one rate: the sum of its lines' taxable amounts and taxes.</summary>
public sealed record TaxBreakdown(decimal RatePercent, long TaxableAmount, long TaxAmount);

/// <summary>The result of <see cref="QuoteCalculator.Calculate"/>: the lines and the totals, all in minor units.</summary>
public sealed record QuoteCalculation(
    IReadOnlyList<CalculatedLine> Lines,
    long Subtotal,
    long QuoteDiscount,
    long NetTotal,
    long TaxTotal,
    long GrossTotal,
    IReadOnlyList<TaxBreakdown> Taxes,
    decimal MaxDiscountPercent);

/// <summary>A quote cannot be calculated (an amount out of range, a negative line); <see cref="Field"/> names the offending input.</summary>
public sealed class QuoteCalculationException(string field, string message) : Exception(message)
{
    /// <summary>The JSON path of the offending input, e.g. <c>lines[1].discountAmount</c> or <c>discountPercent</c>.</summary>
    public string Field { get; } = field;
}

/// <summary>
/// The quote arithmetic (docs/quotes.md, ADR 0018), pure and in minor units: a line's gross amount is quantity × unit
/// price rounded to a minor unit; its discount is the percentage of the gross amount (rounded) plus the absolute
/// amount; the quote discount is taken from the subtotal and distributed over the lines in proportion to their net
/// amounts (largest remainder), so every line's taxable amount is known; tax is rounded per line. Every rounding is
/// to whole minor units, half away from zero. Sums are checked: an amount beyond <see cref="MaxAmount"/> or a
/// negative amount is refused with a <see cref="QuoteCalculationException"/>.
/// </summary>
public static class QuoteCalculator
{
    /// <summary>The largest amount (a line's or a total) the calculator accepts: 10^15 minor units, ten trillion euros.</summary>
    public const long MaxAmount = 1_000_000_000_000_000;

    public const decimal MaxQuantity = 1_000_000m;

    public const int QuantityDecimals = 4;

    public const int PercentDecimals = 2;

    public static QuoteCalculation Calculate(IReadOnlyList<CalculatorLine> lines, CalculatorDiscount discount)
    {
        var gross = new long[lines.Count];
        var lineDiscounts = new long[lines.Count];
        var nets = new long[lines.Count];
        long subtotal = 0;
        decimal maxPercent = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var field = $"lines[{i}]";
            CheckQuantity(line.Quantity, field + ".quantity");
            CheckPercent(line.DiscountPercent, field + ".discountPercent");
            CheckPercent(line.TaxRatePercent, field + ".taxRatePercent");
            CheckAmount(line.UnitPrice, field + ".unitPrice");
            CheckAmount(line.DiscountAmount ?? 0, field + ".discountAmount");

            gross[i] = ToAmount(line.Quantity * line.UnitPrice, field + ".unitPrice");
            var percentPart = Round(gross[i] * (line.DiscountPercent ?? 0) / 100m);
            lineDiscounts[i] = percentPart + (line.DiscountAmount ?? 0);
            nets[i] = gross[i] - lineDiscounts[i];
            if (nets[i] < 0)
            {
                throw new QuoteCalculationException(field + ".discountAmount", $"The discounts of line {i + 1} exceed its amount: the line would be negative.");
            }

            subtotal = Add(subtotal, nets[i], "lines");
            if (gross[i] > 0)
            {
                maxPercent = Math.Max(maxPercent, EffectivePercent(line.DiscountPercent, line.DiscountAmount, gross[i]));
            }
        }

        CheckPercent(discount.Percent, "discountPercent");
        CheckAmount(discount.Amount ?? 0, "discountAmount");
        var quoteDiscount = Round(subtotal * (discount.Percent ?? 0) / 100m) + (discount.Amount ?? 0);
        if (quoteDiscount > subtotal)
        {
            throw new QuoteCalculationException("discountAmount", "The quote discount exceeds the subtotal: the quote would be negative.");
        }

        if (subtotal > 0)
        {
            maxPercent = Math.Max(maxPercent, EffectivePercent(discount.Percent, discount.Amount, subtotal));
        }

        var shares = Distribute(quoteDiscount, nets, subtotal);
        var calculated = new CalculatedLine[lines.Count];
        long taxTotal = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var taxable = nets[i] - shares[i];
            var tax = Round(taxable * lines[i].TaxRatePercent / 100m);
            taxTotal = Add(taxTotal, tax, "lines");
            calculated[i] = new CalculatedLine(gross[i], lineDiscounts[i], nets[i], shares[i], taxable, lines[i].TaxRatePercent, tax, Add(taxable, tax, $"lines[{i}]"));
        }

        var netTotal = subtotal - quoteDiscount;
        var taxes = calculated
            .GroupBy(l => l.TaxRatePercent)
            .OrderByDescending(g => g.Key)
            .Select(g => new TaxBreakdown(g.Key, g.Sum(l => l.TaxableAmount), g.Sum(l => l.TaxAmount)))
            .ToList();
        return new QuoteCalculation(calculated, subtotal, quoteDiscount, netTotal, taxTotal, Add(netTotal, taxTotal, "lines"), taxes, Math.Round(maxPercent, 4, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// Splits <paramref name="total"/> over the lines in proportion to their <paramref name="weights"/>: each line gets the
    /// floor of its exact share and the minor units left over go to the lines with the largest remainders (the earlier
    /// line on a tie), so the shares add up to the total exactly.
    /// </summary>
    internal static long[] Distribute(long total, long[] weights, long sum)
    {
        var shares = new long[weights.Length];
        if (total == 0 || sum == 0)
        {
            return shares;
        }

        var remainders = new (Int128 Remainder, int Index)[weights.Length];
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (Int128)total * weights[i];
            shares[i] = (long)(exact / sum);
            remainders[i] = (exact % sum, i);
            given += shares[i];
        }

        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(total - given)))
        {
            shares[index]++;
        }

        return shares;
    }

    /// <summary>
    /// The discount as a percentage of <paramref name="basis"/>: the percentage as entered plus the absolute amount in
    /// percent, so a 10 % discount counts as 10 % even when rounding the line made it a fraction of a cent more.
    /// </summary>
    private static decimal EffectivePercent(decimal? percent, long? amount, long basis) => (percent ?? 0) + ((amount ?? 0) * 100m / basis);

    private static long Round(decimal value) => (long)Math.Round(value, 0, MidpointRounding.AwayFromZero);

    private static long ToAmount(decimal value, string field)
    {
        var rounded = Math.Round(value, 0, MidpointRounding.AwayFromZero);
        return rounded <= MaxAmount
            ? (long)rounded
            : throw new QuoteCalculationException(field, $"The amount is too large: at most {MaxAmount} minor units are allowed.");
    }

    private static long Add(long a, long b, string field)
    {
        var sum = a + b; // Both are at most MaxAmount, so this cannot wrap.
        return sum <= MaxAmount
            ? sum
            : throw new QuoteCalculationException(field, $"The total is too large: at most {MaxAmount} minor units are allowed.");
    }

    private static void CheckAmount(long amount, string field)
    {
        if (amount is < 0 or > MaxAmount)
        {
            throw new QuoteCalculationException(field, $"The amount must be between 0 and {MaxAmount} minor units.");
        }
    }

    private static void CheckQuantity(decimal quantity, string field)
    {
        if (quantity <= 0 || quantity > MaxQuantity || decimal.Round(quantity, QuantityDecimals) != quantity)
        {
            throw new QuoteCalculationException(field, $"The quantity must be greater than 0 and at most {MaxQuantity}, with at most {QuantityDecimals} decimals.");
        }
    }

    private static void CheckPercent(decimal? percent, string field)
    {
        if (percent is { } p && (p < 0 || p > 100 || decimal.Round(p, PercentDecimals) != p))
        {
            throw new QuoteCalculationException(field, $"The percentage must be between 0 and 100, with at most {PercentDecimals} decimals.");
        }
    }
}
