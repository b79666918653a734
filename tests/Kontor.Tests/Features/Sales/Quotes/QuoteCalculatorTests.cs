using Kontor.Features.Sales.Quotes;

namespace Kontor.Tests.Features.Sales.Quotes;

/// <summary>The worked examples of docs/quotes.md, computed by hand; every figure is in cents.</summary>
public sealed class QuoteCalculatorTests
{
    [Fact]
    public void Calculate_WorkedExample1_MatchesTheHandComputedFigures()
    {
        // 3 × 19.99 with 10 %, 2.5 h × 85.00, 7 × 0.35 at the reduced rate; 5 % off the quote.
        var result = QuoteCalculator.Calculate(
            [
                new CalculatorLine(3m, 1999, 10m, null, 19m),
                new CalculatorLine(2.5m, 8500, null, null, 19m),
                new CalculatorLine(7m, 35, null, null, 7m),
            ],
            new CalculatorDiscount(5m, null));

        Assert.Equal([5997L, 21250L, 245L], result.Lines.Select(l => l.GrossAmount));
        Assert.Equal([600L, 0L, 0L], result.Lines.Select(l => l.LineDiscount));
        Assert.Equal([5397L, 21250L, 245L], result.Lines.Select(l => l.NetAmount));
        Assert.Equal(26892, result.Subtotal);
        Assert.Equal(1345, result.QuoteDiscount);
        Assert.Equal([270L, 1063L, 12L], result.Lines.Select(l => l.QuoteDiscountShare));
        Assert.Equal([5127L, 20187L, 233L], result.Lines.Select(l => l.TaxableAmount));
        Assert.Equal([974L, 3836L, 16L], result.Lines.Select(l => l.TaxAmount));
        Assert.Equal(25547, result.NetTotal);
        Assert.Equal(4826, result.TaxTotal);
        Assert.Equal(30373, result.GrossTotal);
        Assert.Equal([new TaxBreakdown(19m, 25314, 4810), new TaxBreakdown(7m, 233, 16)], result.Taxes);
        Assert.Equal(10m, result.MaxDiscountPercent);
    }

    [Fact]
    public void Calculate_WorkedExample2_RoundsHalvesAwayFromZero()
    {
        // 0.5 × 5.01 = 250.5 cents → 251 (banker's rounding would give 250); 19 % of 1.50 = 28.5 cents → 29 (not 28).
        var result = QuoteCalculator.Calculate(
            [
                new CalculatorLine(0.5m, 501, null, null, 7m),
                new CalculatorLine(1m, 150, null, null, 19m),
            ],
            CalculatorDiscount.None);

        Assert.Equal([251L, 150L], result.Lines.Select(l => l.NetAmount));
        Assert.Equal([18L, 29L], result.Lines.Select(l => l.TaxAmount));
        Assert.Equal(401, result.NetTotal);
        Assert.Equal(47, result.TaxTotal);
        Assert.Equal(448, result.GrossTotal);
        Assert.Equal(0m, result.MaxDiscountPercent);
    }

    [Fact]
    public void Calculate_WorkedExample3_AppliesPercentThenAbsoluteDiscountAndAnAbsoluteQuoteDiscount()
    {
        // 4 × 12.50 = 50.00; 12.5 % = 6.25 and 1.00 off: 42.75; 2.75 off the quote: 40.00, tax exempt.
        var result = QuoteCalculator.Calculate(
            [new CalculatorLine(4m, 1250, 12.5m, 100, 0m)],
            new CalculatorDiscount(null, 275));

        var line = Assert.Single(result.Lines);
        Assert.Equal(new CalculatedLine(5000, 725, 4275, 275, 4000, 0m, 0, 4000), line);
        Assert.Equal(4275, result.Subtotal);
        Assert.Equal(275, result.QuoteDiscount);
        Assert.Equal(4000, result.GrossTotal);
        Assert.Equal(14.5m, result.MaxDiscountPercent);
    }

    [Fact]
    public void Calculate_QuoteDiscountShares_AddUpToTheDiscountExactly()
    {
        // 100 cents over three equal lines: 33.33 each, the one cent left goes to the first line.
        var result = QuoteCalculator.Calculate(
            [new CalculatorLine(1m, 1000, null, null, 19m), new CalculatorLine(1m, 1000, null, null, 19m), new CalculatorLine(1m, 1000, null, null, 19m)],
            new CalculatorDiscount(null, 100));

        Assert.Equal([34L, 33L, 33L], result.Lines.Select(l => l.QuoteDiscountShare));
        Assert.Equal(2900, result.NetTotal);
    }

    [Fact]
    public void Calculate_NoLines_IsAllZero()
    {
        var result = QuoteCalculator.Calculate([], new CalculatorDiscount(10m, null));

        Assert.Equal(0, result.GrossTotal);
        Assert.Empty(result.Taxes);
    }

    [Fact]
    public void Calculate_LineDiscountAboveItsAmount_IsRefusedNamingTheLine()
    {
        var error = Assert.Throws<QuoteCalculationException>(() => QuoteCalculator.Calculate(
            [new CalculatorLine(1m, 1000, null, null, 19m), new CalculatorLine(2m, 500, 50m, 501, 19m)], CalculatorDiscount.None));

        Assert.Equal("lines[1].discountAmount", error.Field);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_QuoteDiscountAboveTheSubtotal_IsRefused()
    {
        var error = Assert.Throws<QuoteCalculationException>(() => QuoteCalculator.Calculate(
            [new CalculatorLine(1m, 1000, null, null, 19m)], new CalculatorDiscount(50m, 501)));

        Assert.Equal("discountAmount", error.Field);
    }

    [Fact]
    public void Calculate_LineAmountBeyondTheMaximum_IsRefusedNotWrapped()
    {
        var error = Assert.Throws<QuoteCalculationException>(() => QuoteCalculator.Calculate(
            [new CalculatorLine(2m, QuoteCalculator.MaxAmount, null, null, 19m)], CalculatorDiscount.None));

        Assert.Equal("lines[0].unitPrice", error.Field);
        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_TotalBeyondTheMaximum_IsRefused()
    {
        var half = (QuoteCalculator.MaxAmount / 2) + 1;

        var error = Assert.Throws<QuoteCalculationException>(() => QuoteCalculator.Calculate(
            [new CalculatorLine(1m, half, null, null, 0m), new CalculatorLine(1m, half, null, null, 0m)], CalculatorDiscount.None));

        Assert.Equal("lines", error.Field);
    }

    [Fact]
    public void Calculate_TaxOnTheMaximumNet_IsRefusedAsTooLarge()
    {
        var error = Assert.Throws<QuoteCalculationException>(() => QuoteCalculator.Calculate(
            [new CalculatorLine(1m, QuoteCalculator.MaxAmount, null, null, 19m)], CalculatorDiscount.None));

        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "lines[0].quantity")]
    [InlineData(-1, "lines[0].quantity")]
    [InlineData(0.00001, "lines[0].quantity")]
    [InlineData(1000001, "lines[0].quantity")]
    public void Calculate_QuantityOutOfRange_IsRefused(double quantity, string field)
    {
        var error = Assert.Throws<QuoteCalculationException>(() => QuoteCalculator.Calculate(
            [new CalculatorLine((decimal)quantity, 100, null, null, 19m)], CalculatorDiscount.None));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    [InlineData(10.005)]
    public void Calculate_DiscountPercentOutOfRange_IsRefused(double percent)
    {
        var error = Assert.Throws<QuoteCalculationException>(() => QuoteCalculator.Calculate(
            [new CalculatorLine(1m, 100, (decimal)percent, null, 19m)], CalculatorDiscount.None));

        Assert.Equal("lines[0].discountPercent", error.Field);
    }

    [Fact]
    public void Calculate_NegativeUnitPrice_IsRefused()
    {
        var error = Assert.Throws<QuoteCalculationException>(() => QuoteCalculator.Calculate(
            [new CalculatorLine(1m, -100, null, null, 19m)], CalculatorDiscount.None));

        Assert.Equal("lines[0].unitPrice", error.Field);
    }
}
