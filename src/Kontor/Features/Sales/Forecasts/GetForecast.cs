using Kontor.Features.Sales.Targets;
using Kontor.Platform.Agreement.Gate;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;

namespace Kontor.Features.Sales.Forecasts;

/// <summary>Query of <c>GET /api/forecasts</c>; also the state of the forecast on the reports page.</summary>
public sealed class GetForecastRequest
{
    /// <summary>A month (<c>2026-11</c>), quarter (<c>2026-Q4</c>) or year (<c>2026</c>); the current quarter when left out.</summary>
    [MaxChars(10)]
    public string? Period { get; set; }

    /// <summary>A team id or <c>all</c> (administrators).</summary>
    [MaxChars(40)]
    public string? Team { get; set; }

    /// <summary><c>me</c> (the default) or a user id.</summary>
    [MaxChars(40)]
    public string? User { get; set; }

    /// <summary>
    /// How the owners' lines are ordered: <c>name</c> (the default), or by a figure, <c>closedWon</c>, <c>pipeline</c> or
    /// <c>commit</c>, descending with a leading <c>-</c>, in the forecast's first currency. Ordering people by their
    /// figures is a ranking: refused where the works agreement forbids rankings.
    /// </summary>
    [MaxChars(20)]
    public string? Sort { get; set; }

    /// <summary>Why you look at other people's individual figures: one of the works agreement's purposes for the category, where it asks for one.</summary>
    [MaxChars(40)]
    public string? Purpose { get; set; }
}

/// <summary>
/// A forecast for one period (<c>from</c> its first day <c>to</c> its last) and subject: one set of sums per currency,
/// and for a team or everyone the same per owner whose figures the caller may see; <c>withheld</c> says what the
/// works agreement left out (totals shown as "fewer than k" come as an empty list).
/// </summary>
public sealed record ForecastResponse(
    string Period,
    DateOnly From,
    DateOnly To,
    SubjectKind SubjectKind,
    Guid? SubjectId,
    IReadOnlyList<ForecastTotals> Currencies,
    IReadOnlyList<OwnerForecast>? Owners,
    WithheldFigures? Withheld);

internal static class GetForecast
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] GetForecastRequest request, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                ExecuteAsync(request, figures, user, clock, ct))
            .WithName(nameof(GetForecast))
            .WithSummary("Forecast of a period: pipeline, best case, commit and closed won, unweighted and weighted, per currency")
            .WithDescription("Open opportunities count by close date, won ones by the day they were won in the caller's time zone. Pipeline includes best case and commit, best case includes commit. Weighted sums multiply each amount by its stage probability and round once per sum. Amounts are minor units, never added across currencies. team={id}|all or user=me|{id}; 403 when the caller may not see those figures. The works agreement decides which owners' lines appear (purpose: why, where it asks for one) and shows totals over too few hidden people as withheld.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the reports page.</summary>
    public static async Task<ForecastResponse> ExecuteAsync(GetForecastRequest request, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var period = SalesPeriod.ParseOrCurrent(request.Period, ListTargets.Today(user, clock));
        var subjects = FigureSubjects.Parse(request.Team, request.User, user.Id);
        var ranking = RankingOf(Normalize.Text(request.Sort));
        if (ranking is not null && !await figures.RankingsAllowedAsync(ct))
        {
            throw RequestValidationException.For("sort", SalesMessages.Forecast("The works agreement forbids ordering people by their figures; sort by name."));
        }

        var forecast = await figures.ForecastAsync(subjects, period, byOwner: subjects.Kind != SubjectKind.User, Normalize.Text(request.Purpose), ct);
        return new ForecastResponse(
            period.Key,
            period.Start,
            period.End.AddDays(-1),
            subjects.Kind,
            subjects.Kind == SubjectKind.Everyone ? null : subjects.Id,
            forecast.Totals,
            ranking is null || forecast.Owners is null ? forecast.Owners : Ranked(forecast.Owners, forecast.Totals, ranking.Value),
            forecast.Withheld);
    }

    /// <summary>The figure and direction of a <c>sort</c> other than by name; null for name.</summary>
    private static (Func<ForecastTotals, long> Figure, bool Descending)? RankingOf(string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        Func<ForecastTotals, long>? figure = sort?.TrimStart('-') switch
        {
            null or "name" => null,
            "closedWon" => t => t.ClosedWon,
            "pipeline" => t => t.Pipeline,
            "commit" => t => t.Commit,
            _ => throw RequestValidationException.For("sort", SalesMessages.Forecast("Use name, closedWon, pipeline or commit, with a leading - for descending.")),
        };
        return figure is null ? null : (figure, descending);
    }

    private static List<OwnerForecast> Ranked(IReadOnlyList<OwnerForecast> owners, IReadOnlyList<ForecastTotals> totals, (Func<ForecastTotals, long> Figure, bool Descending) ranking)
    {
        var currency = totals.Select(t => t.Currency).Concat(owners.SelectMany(o => o.Currencies).Select(c => c.Currency)).Order(StringComparer.Ordinal).FirstOrDefault();
        long Key(OwnerForecast owner) => owner.Currencies.Where(c => c.Currency == currency).Select(ranking.Figure).FirstOrDefault();
        return ranking.Descending ? [.. owners.OrderByDescending(Key)] : [.. owners.OrderBy(Key)];
    }
}
