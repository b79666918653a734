using System.Globalization;

namespace Kontor.Features.Sales.Quotes;

/// <summary>Shows minor units as money in a culture: <c>1.234,56 EUR</c> in German, <c>1,234.56 EUR</c> in English.</summary>
public static class Money
{
    /// <summary>Every currency Kontor quotes in has two decimals (cents); the ISO code follows the amount so it never depends on the culture's own currency.</summary>
    public static string Format(long minorUnits, string currency, CultureInfo culture) =>
        (minorUnits / 100m).ToString("N2", culture) + " " + currency;

    /// <summary>A quantity or percentage without trailing zeros: 2,5 or 2.5.</summary>
    public static string Number(decimal value, CultureInfo culture) => value.ToString("0.####", culture);
}
