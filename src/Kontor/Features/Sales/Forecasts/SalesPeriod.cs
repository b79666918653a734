using System.Globalization;
using System.Text.RegularExpressions;
using Kontor.Platform.Http;

namespace Kontor.Features.Sales.Forecasts;

/// <summary>How long a sales period is.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A calendar month, quarter or year, written <c>2026-11</c>, <c>2026-Q4</c> or <c>2026</c>. Its days are calendar days;
/// instants (when an opportunity was won) fall into it by the reader's time zone.
/// </summary>
public sealed partial record SalesPeriod(PeriodKind Kind, int Year, int Number)
{
    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        PeriodKind.Year => new DateOnly(Year, 1, 1),
        _ => throw new InvalidOperationException(Kind.ToString()),
    };

    /// <summary>The first day after the period.</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1),
        PeriodKind.Quarter => Start.AddMonths(3),
        PeriodKind.Year => Start.AddYears(1),
        _ => throw new InvalidOperationException(Kind.ToString()),
    };

    /// <summary>The canonical key: <c>2026-11</c>, <c>2026-Q4</c>, <c>2026</c>.</summary>
    public string Key => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        PeriodKind.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException(Kind.ToString()),
    };

    public override string ToString() => Key;

    /// <summary>The period after this one, of the same kind.</summary>
    public SalesPeriod Next() => Kind switch
    {
        PeriodKind.Month => Number == 12 ? new(Kind, Year + 1, 1) : new(Kind, Year, Number + 1),
        PeriodKind.Quarter => Number == 4 ? new(Kind, Year + 1, 1) : new(Kind, Year, Number + 1),
        PeriodKind.Year => new(Kind, Year + 1, 1),
        _ => throw new InvalidOperationException(Kind.ToString()),
    };

    /// <summary>The period of the kind that contains <paramref name="day"/>.</summary>
    public static SalesPeriod Containing(DateOnly day, PeriodKind kind) => kind switch
    {
        PeriodKind.Month => new(kind, day.Year, day.Month),
        PeriodKind.Quarter => new(kind, day.Year, ((day.Month - 1) / 3) + 1),
        PeriodKind.Year => new(kind, day.Year, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Reads <c>2026-11</c>, <c>2026-Q4</c> (also lower case) or <c>2026</c>; null when the text is none of them.</summary>
    public static SalesPeriod? TryParse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 9998)
        {
            return null;
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            return quarter is >= 1 and <= 4 ? new(PeriodKind.Quarter, year, quarter) : null;
        }

        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? new(PeriodKind.Month, year, month) : null;
        }

        return new(PeriodKind.Year, year, 1);
    }

    /// <summary>The period of the text, or the current quarter when none is given; a 400 naming <paramref name="field"/> when the text is not a period.</summary>
    public static SalesPeriod ParseOrCurrent(string? text, DateOnly today, string field = "period")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Containing(today, PeriodKind.Quarter);
        }

        return TryParse(text) ?? throw RequestValidationException.For(field, "Use a month (2026-11), a quarter (2026-Q4) or a year (2026).");
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?:[Qq](?<quarter>\d)|(?<month>\d{2})))?$", RegexOptions.None, 1000)]
    private static partial Regex Pattern();
}
