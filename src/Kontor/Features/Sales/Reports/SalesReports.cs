using Kontor.Features.Sales.Forecasts;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Agreement.Gate;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Sales.Reports;

/// <summary>The sales reports: each a table that the page also draws as a chart and that exports to CSV and XLSX.</summary>
public enum SalesReport
{
    PipelineByStage,
    ForecastByPeriod,
    TargetVsActual,
    WonLostByReason,
}

/// <summary>
/// A report as rows of cells; money cells are amounts in major units (e.g. euros, not cents) next to a currency
/// column, so spreadsheets can add them up per currency. Cells the works agreement withholds are null (empty in files,
/// "fewer than k" on the page) and <paramref name="Withheld"/> says how many and why.
/// </summary>
public sealed record ReportTable(SalesReport Report, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, WithheldFigures? Withheld);

/// <summary>Builds the sales reports; every figure comes from <see cref="SalesFigures"/>, so the reports follow its access rules.</summary>
public sealed class SalesReports(SalesFigures figures, IStringLocalizer<ForecastsText> L)
{
    /// <summary>How many periods the forecast-by-period report shows, starting with the chosen one.</summary>
    public const int ForecastPeriods = 4;

    public Task<ReportTable> BuildAsync(SalesReport report, FigureSubjects subjects, SalesPeriod period, string? purpose, CancellationToken ct) => report switch
    {
        SalesReport.PipelineByStage => PipelineByStageAsync(subjects, purpose, ct),
        SalesReport.ForecastByPeriod => ForecastByPeriodAsync(subjects, period, purpose, ct),
        SalesReport.TargetVsActual => TargetVsActualAsync(subjects, period, purpose, ct),
        SalesReport.WonLostByReason => WonLostByReasonAsync(subjects, period, purpose, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(report)),
    };

    private async Task<ReportTable> PipelineByStageAsync(FigureSubjects subjects, string? purpose, CancellationToken ct)
    {
        var (rows, withheld) = await figures.PipelineByStageAsync(subjects, purpose, ct);
        return new ReportTable(
            SalesReport.PipelineByStage,
            L["Pipeline by stage"],
            [L["Stage"], L["Currency"], L["Opportunities"], L["Amount"], L["Weighted"]],
            [.. rows.Select(r => Row(r.Stage, r.Currency, r.Count, Major(r.Amount, r.Currency), Major(r.Weighted, r.Currency)))],
            withheld);
    }

    private async Task<ReportTable> ForecastByPeriodAsync(FigureSubjects subjects, SalesPeriod period, string? purpose, CancellationToken ct)
    {
        var rows = new List<IReadOnlyList<object?>>();
        WithheldFigures? withheld = null;
        var current = period;
        for (var i = 0; i < ForecastPeriods; i++, current = current.Next())
        {
            var forecast = await figures.ForecastAsync(subjects, current, byOwner: false, purpose, ct);
            withheld = WithheldFigures.Combine(withheld, forecast.Withheld);
            if (forecast.Withheld is { TotalHidden: true })
            {
                rows.Add(Row(current.Key, null, null, null, null, null, null));
            }

            foreach (var t in forecast.Totals)
            {
                rows.Add(Row(
                    current.Key,
                    t.Currency,
                    Money.ToMajor(t.Pipeline, t.Currency),
                    Money.ToMajor(t.PipelineWeighted, t.Currency),
                    Money.ToMajor(t.BestCase, t.Currency),
                    Money.ToMajor(t.Commit, t.Currency),
                    Money.ToMajor(t.ClosedWon, t.Currency)));
            }
        }

        return new ReportTable(
            SalesReport.ForecastByPeriod,
            L["Forecast by period"],
            [L["Period"], L["Currency"], L["Pipeline"], L["Weighted pipeline"], L["Best case"], L["Commit"], L["Closed won"]],
            rows,
            withheld);
    }

    private async Task<ReportTable> TargetVsActualAsync(FigureSubjects subjects, SalesPeriod period, string? purpose, CancellationToken ct)
    {
        var (rows, withheld) = await figures.TargetsAsync(subjects, period, purpose, ct);
        return new ReportTable(
            SalesReport.TargetVsActual,
            L["Target vs actual"],
            [L["Team or person"], L["Period"], L["Currency"], L["Target"], L["Actual"], L["Attainment %"]],
            [.. rows.Select(r => Row(r.SubjectName, r.Period, r.Currency, Money.ToMajor(r.Amount, r.Currency), Major(r.Actual, r.Currency), r.AttainmentPercent))],
            withheld);
    }

    private async Task<ReportTable> WonLostByReasonAsync(FigureSubjects subjects, SalesPeriod period, string? purpose, CancellationToken ct)
    {
        var (rows, withheld) = await figures.WonLostByReasonAsync(subjects, period, purpose, ct);
        return new ReportTable(
            SalesReport.WonLostByReason,
            L["Won and lost by reason"],
            [L["Outcome"], L["Reason"], L["Currency"], L["Opportunities"], L["Amount"]],
            [.. rows.Select(r => Row(
                r.Outcome == StageOutcome.Won ? L["Won"].Value : L["Lost"].Value,
                r.Outcome == StageOutcome.Won ? "" : r.Reason ?? L["(no reason given)"].Value,
                r.Currency,
                r.Count,
                Major(r.Amount, r.Currency)))],
            withheld);
    }

    private static decimal? Major(long? amount, string currency) => amount is { } value ? Money.ToMajor(value, currency) : null;

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
