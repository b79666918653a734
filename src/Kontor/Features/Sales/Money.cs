using System.Globalization;

namespace Kontor.Features.Sales;

/// <summary>Amounts in minor units as people read and type them: "12.345,00 EUR" for 1234500 EUR, by the ISO 4217 exponent of the currency.</summary>
public static class Money
{
    private static readonly HashSet<string> NoDecimals = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];
    private static readonly HashSet<string> ThreeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    /// <summary>Digits after the decimal point of <paramref name="currency"/>: 2 for most, 0 for yen, 3 for dinars.</summary>
    public static int Digits(string currency) => NoDecimals.Contains(currency) ? 0 : ThreeDecimals.Contains(currency) ? 3 : 2;

    /// <summary>The amount in major units.</summary>
    public static decimal ToMajor(long minor, string currency) => minor / Scale(currency);

    /// <summary>Minor units of a major amount, rounded half away from zero to the currency's digits.</summary>
    public static long ToMinor(decimal major, string currency) =>
        (long)Math.Round(major * Scale(currency), 0, MidpointRounding.AwayFromZero);

    /// <summary>"12.345,00 EUR" in the culture's number format; empty for no amount.</summary>
    public static string Format(long? minor, string currency, CultureInfo culture) =>
        minor is { } value
            ? ToMajor(value, currency).ToString("N" + Digits(currency).ToString(CultureInfo.InvariantCulture), culture) + " " + currency
            : "";

    /// <summary>A quantity or percentage without trailing zeros: 2,5 or 2.5.</summary>
    public static string Number(decimal value, CultureInfo culture) => value.ToString("0.####", culture);

    private static decimal Scale(string currency) => Digits(currency) switch
    {
        0 => 1m,
        3 => 1000m,
        _ => 100m,
    };
}
