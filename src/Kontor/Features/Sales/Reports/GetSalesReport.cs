using Kontor.Features.Sales.Forecasts;
using Kontor.Features.Sales.Targets;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Sales.Reports;

/// <summary>Query of <c>GET /api/reports/sales/{report}</c>; also the state of the reports page.</summary>
public sealed class GetSalesReportRequest
{
    /// <summary>A month, quarter or year; the current quarter when left out. Pipeline by stage ignores it (every open opportunity).</summary>
    [MaxChars(10)]
    public string? Period { get; set; }

    /// <summary>A team id or <c>all</c> (administrators).</summary>
    [MaxChars(40)]
    public string? Team { get; set; }

    /// <summary><c>me</c> (the default) or a user id.</summary>
    [MaxChars(40)]
    public string? User { get; set; }

    /// <summary>Why you look at other people's individual figures: one of the works agreement's purposes for the category, where it asks for one.</summary>
    [MaxChars(40)]
    public string? Purpose { get; set; }

    /// <summary><c>json</c> (the default), <c>csv</c> or <c>xlsx</c>.</summary>
    [MaxChars(10)]
    public string? Format { get; set; }
}

internal static class GetSalesReport
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/sales/{report}", HandleAsync)
            .WithTags("Reports")
            .RequireAuthorization(KontorAuth.ApiPolicy)
            .WithName(nameof(GetSalesReport))
            .WithSummary("A sales report as JSON, CSV or XLSX: pipeline-by-stage, forecast-by-period, target-vs-actual, won-lost-by-reason")
            .WithDescription("team={id}|all or user=me|{id}; 403 when the caller may not see those figures. Money columns are major units beside a currency column. Cells the works agreement withholds are empty and counted in withheld (purpose: why, where it asks for one).")
            .Produces<ReportTable>()
            .Produces(StatusCodes.Status200OK, contentType: ReportFiles.XlsxContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // The same files for the reports page, signed in with the session cookie.
        app.MapGet("/reports/sales/{report}/export", HandleAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<Results<Ok<ReportTable>, FileContentHttpResult>> HandleAsync(
        string report, [AsParameters] GetSalesReportRequest request, SalesReports reports, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var table = await ExecuteAsync(report, request, reports, user, clock, ct);
        return request.Format?.Trim().ToLowerInvariant() switch
        {
            "csv" => TypedResults.File(await ReportFiles.CsvAsync(table, ct), ReportFiles.CsvContentType, ReportFiles.FileName(table, "csv")),
            "xlsx" => TypedResults.File(ReportFiles.Xlsx(table), ReportFiles.XlsxContentType, ReportFiles.FileName(table, "xlsx")),
            _ => TypedResults.Ok(table),
        };
    }

    /// <summary>Shared by the endpoint and the reports page.</summary>
    public static Task<ReportTable> ExecuteAsync(string report, GetSalesReportRequest request, SalesReports reports, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        if (request.Format is { Length: > 0 } format && format.Trim().ToLowerInvariant() is not ("json" or "csv" or "xlsx"))
        {
            throw RequestValidationException.For("format", "Use json, csv or xlsx.");
        }

        var kind = Parse(report) ?? throw RequestValidationException.For("report", "Use pipeline-by-stage, forecast-by-period, target-vs-actual or won-lost-by-reason.");
        var period = SalesPeriod.ParseOrCurrent(request.Period, ListTargets.Today(user, clock));
        return reports.BuildAsync(kind, FigureSubjects.Parse(request.Team, request.User, user.Id), period, Normalize.Text(request.Purpose), ct);
    }

    /// <summary>The report's route name, e.g. <c>pipeline-by-stage</c>.</summary>
    public static string RouteName(SalesReport report) => report switch
    {
        SalesReport.PipelineByStage => "pipeline-by-stage",
        SalesReport.ForecastByPeriod => "forecast-by-period",
        SalesReport.TargetVsActual => "target-vs-actual",
        SalesReport.WonLostByReason => "won-lost-by-reason",
        _ => throw new ArgumentOutOfRangeException(nameof(report)),
    };

    private static SalesReport? Parse(string report) =>
        Enum.GetValues<SalesReport>().Cast<SalesReport?>().FirstOrDefault(r => RouteName(r!.Value) == report.Trim().ToLowerInvariant());
}
