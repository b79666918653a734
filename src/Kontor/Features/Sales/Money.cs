using System.Globalization;

namespace Kontor.Features.Sales;

/// <summary>Amounts in minor units as people read and type them: "12.345,00 €" for 1234500 EUR.</summary>
public static class Money
{
    // ISO 4217 currencies without minor unit that a European CRM meets; every other code has two decimals here.
    private static readonly HashSet<string> NoDecimals = new(StringComparer.Ordinal) { "JPY", "KRW", "ISK", "CLP", "VND", "HUF" };

    /// <summary>Digits after the decimal point of the currency (HUF is written without them, as in practice).</summary>
    public static int Digits(string currency) => NoDecimals.Contains(currency) ? 0 : 2;

    /// <summary>The amount in major units.</summary>
    public static decimal ToMajor(long minor, string currency) => minor / Pow(Digits(currency));

    /// <summary>Minor units of a major amount, rounded half away from zero to the currency's digits.</summary>
    public static long ToMinor(decimal major, string currency) =>
        (long)Math.Round(major * Pow(Digits(currency)), 0, MidpointRounding.AwayFromZero);

    /// <summary>"12.345,00 EUR" in the culture's number format.</summary>
    public static string Format(long? minor, string currency, CultureInfo culture) =>
        minor is { } value
            ? ToMajor(value, currency).ToString("N" + Digits(currency).ToString(CultureInfo.InvariantCulture), culture) + " " + currency
            : "";

    /// <summary>A quantity or percentage without trailing zeros: 2,5 or 2.5.</summary>
    public static string Number(decimal value, CultureInfo culture) => value.ToString("0.####", culture);

    private static decimal Pow(int digits) => digits == 0 ? 1m : 100m;
}
