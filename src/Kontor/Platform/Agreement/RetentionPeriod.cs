using System.Globalization;
using System.Text.RegularExpressions;

namespace Kontor.Platform.Agreement;

/// <summary>
/// How long a category of employee data is kept: an ISO 8601 period of years, months, weeks and days (<c>P90D</c>,
/// <c>P2Y</c>, <c>P1Y6M</c>). Counted in calendar units, so <c>P1Y</c> ends on the same date a year later.
/// </summary>
public readonly partial record struct RetentionPeriod(int Years, int Months, int Weeks, int Days)
{
    /// <summary>The longest period a document may set, so a typo cannot keep data for a thousand years.</summary>
    public const int MaxYears = 30;

    /// <summary>Reads <c>PnYnMnWnD</c> (each part optional, at least one, whole numbers); time parts are refused, since retention is counted in days.</summary>
    public static bool TryParse(string? text, out RetentionPeriod period)
    {
        period = default;
        if (text is null || IsoPeriod().Match(text) is not { Success: true } match || text == "P")
        {
            return false;
        }

        static int Part(Match m, string name) =>
            m.Groups[name].Success ? int.Parse(m.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

        period = new RetentionPeriod(Part(match, "y"), Part(match, "m"), Part(match, "w"), Part(match, "d"));
        return period.TotalDaysAtMost > 0 && period.TotalDaysAtMost <= MaxYears * 366;
    }

    /// <summary>The instant before which data of this period has expired, seen at <paramref name="now"/>.</summary>
    public DateTimeOffset ExpiredBefore(DateTimeOffset now) =>
        now.AddYears(-Years).AddMonths(-Months).AddDays(-(7 * Weeks) - Days);

    public override string ToString()
    {
        var text = "P";
        text += Years > 0 ? Years.ToString(CultureInfo.InvariantCulture) + "Y" : "";
        text += Months > 0 ? Months.ToString(CultureInfo.InvariantCulture) + "M" : "";
        text += Weeks > 0 ? Weeks.ToString(CultureInfo.InvariantCulture) + "W" : "";
        text += Days > 0 ? Days.ToString(CultureInfo.InvariantCulture) + "D" : "";
        return text;
    }

    private long TotalDaysAtMost => (366L * Years) + (31L * Months) + (7L * Weeks) + Days;

    [GeneratedRegex(@"^P(?:(?<y>\d{1,4})Y)?(?:(?<m>\d{1,4})M)?(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPeriod();
}
