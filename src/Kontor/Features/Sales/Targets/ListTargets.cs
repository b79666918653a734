using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Agreement.Gate;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;

namespace Kontor.Features.Sales.Targets;

/// <summary>Query of <c>GET /api/targets</c>: whose targets, which period.</summary>
public sealed class ListTargetsRequest
{
    /// <summary>A month (<c>2026-11</c>), quarter (<c>2026-Q4</c>) or year (<c>2026</c>); the current quarter when left out.</summary>
    [MaxChars(10)]
    public string? Period { get; set; }

    /// <summary>A team id (its target and its members' targets) or <c>all</c> (administrators).</summary>
    [MaxChars(40)]
    public string? Team { get; set; }

    /// <summary><c>me</c> (the default) or a user id.</summary>
    [MaxChars(40)]
    public string? User { get; set; }

    /// <summary>Why you look at other people's individual figures: one of the works agreement's purposes for the category, where it asks for one.</summary>
    [MaxChars(40)]
    public string? Purpose { get; set; }
}

/// <summary>Targets of a period; <c>withheld</c> says whose actuals the works agreement left out (their <c>actual</c> is null).</summary>
public sealed record TargetList(IReadOnlyList<TargetResponse> Items, WithheldFigures? Withheld);

internal static class ListTargets
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListTargetsRequest request, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                ExecuteAsync(request, figures, user, clock, ct))
            .WithName(nameof(ListTargets))
            .WithSummary("Targets of a period with their actuals (closed won) and attainment")
            .WithDescription("team={id} lists the team's target and its members' targets, user=me|{id} one person's. Actuals count opportunities won in the period in the target's currency. 403 when the caller may not see the person's or team's figures. Actuals the works agreement withholds are null (purpose: why, where it asks for one).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the targets page.</summary>
    public static async Task<TargetList> ExecuteAsync(ListTargetsRequest request, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var period = SalesPeriod.ParseOrCurrent(request.Period, Today(user, clock));
        var targets = await figures.TargetsAsync(FigureSubjects.Parse(request.Team, request.User, user.Id), period, Normalize.Text(request.Purpose), ct);
        return new TargetList(targets.Figures, targets.Withheld);
    }

    /// <summary>Today in the user's time zone.</summary>
    public static DateOnly Today(CurrentUser user, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), user.TimeZone).DateTime);
}
