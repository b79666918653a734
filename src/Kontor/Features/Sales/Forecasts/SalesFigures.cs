using Kontor.Features.Sales.Pipelines;
using Kontor.Features.Sales.Targets;
using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Agreement.Gate;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Forecasts;

/// <summary>Whose figures are asked for.</summary>
public enum SubjectKind
{
    /// <summary>One person: the opportunities they own.</summary>
    User,

    /// <summary>A team: the opportunities its members own, added up.</summary>
    Team,

    /// <summary>The whole tenant: administrators only.</summary>
    Everyone,
}

/// <summary>The people whose sales figures are read: a user, a team or everyone.</summary>
public sealed record FigureSubjects(SubjectKind Kind, Guid Id)
{
    public static FigureSubjects User(Guid userId) => new(SubjectKind.User, userId);

    public static FigureSubjects Team(Guid teamId) => new(SubjectKind.Team, teamId);

    public static FigureSubjects Everyone { get; } = new(SubjectKind.Everyone, Guid.Empty);

    /// <summary>
    /// Reads the <c>team</c> and <c>user</c> query parameters: <c>team={id}</c>, <c>team=all</c>, <c>user=me</c> or
    /// <c>user={id}</c>; the caller when both are left out.
    /// </summary>
    public static FigureSubjects Parse(string? team, string? user, Guid me)
    {
        if (!string.IsNullOrWhiteSpace(team) && !string.IsNullOrWhiteSpace(user))
        {
            throw RequestValidationException.For("team", "Ask for a team or a user, not both.");
        }

        if (!string.IsNullOrWhiteSpace(team))
        {
            return team.Trim() == "all" ? Everyone
                : Guid.TryParse(team, out var teamId) ? Team(teamId)
                : throw RequestValidationException.For("team", "Use a team id or all.");
        }

        return string.IsNullOrWhiteSpace(user) || user.Trim() == "me" ? User(me)
            : Guid.TryParse(user, out var userId) ? User(userId)
            : throw RequestValidationException.For("user", "Use me or a user id.");
    }
}

/// <summary>
/// Forecast sums of one currency in minor units. Pipeline: every open opportunity closing in the period (forecast
/// categories Pipeline, Best case and Commit); best case: open ones in Best case or Commit; commit: open ones in Commit;
/// closed won: won in the period (probability 100, so it has no weighted form). Weighted sums are amount × stage
/// probability, rounded once per sum.
/// </summary>
public sealed record ForecastTotals(
    string Currency,
    long Pipeline,
    long PipelineWeighted,
    long BestCase,
    long BestCaseWeighted,
    long Commit,
    long CommitWeighted,
    long ClosedWon,
    int OpenCount,
    int WonCount);

/// <summary>One owner's forecast, per currency.</summary>
public sealed record OwnerForecast(Guid OwnerId, string Name, IReadOnlyList<ForecastTotals> Currencies);

/// <summary>One owner's closed-won sum in one currency.</summary>
public sealed record OwnerAmount(Guid OwnerId, string Currency, long Amount, int Count);

/// <summary>The open opportunities of one stage in one currency; the figures are null when the cell is shown as "fewer than k".</summary>
public sealed record StageFigure(Guid StageId, string Stage, int Order, string Currency, int? Count, long? Amount, long? Weighted);

/// <summary>The opportunities closed in a period with one outcome and one loss reason, in one currency; null figures are shown as "fewer than k".</summary>
public sealed record OutcomeFigure(StageOutcome Outcome, string? Reason, string Currency, int? Count, long? Amount);

/// <summary>
/// A forecast as the reader may see it: the totals over the subjects (empty when they are shown as "fewer than k"),
/// the lines of the owners whose individual figures the reader may see, and what was withheld.
/// </summary>
public sealed record ForecastFigures(IReadOnlyList<ForecastTotals> Totals, IReadOnlyList<OwnerForecast>? Owners, WithheldFigures? Withheld);

/// <summary>Figures of employee data and what the works agreement withheld from them (null when nothing).</summary>
public sealed record Gated<T>(T Figures, WithheldFigures? Withheld);

/// <summary>
/// The one way to read sales figures that measure a person's work: forecasts, pipeline, won and lost amounts per
/// owner, and targets against actuals. Every method first checks that the reader may see the subjects' figures
/// (<see cref="ResolveAsync"/>) and refuses otherwise; team figures need the right to see every member's.
/// </summary>
/// <remarks>
/// Figures are sums, not records: they are read across the record-access filter once the person rule has allowed
/// them, so a manager sees the totals of people further down the line whose single opportunities they cannot open.
/// Then the works-agreement gate (<see cref="EmployeeDataGate"/>, docs/works-agreement.md) decides what of them is
/// shown: the figures of a person only where the agreement lets the reader see that person's values (logged as an
/// access), and statistics over groups only where the people hidden from the reader in them are none or at least
/// the agreement's minimum group size. This class is the place where per-person sales figures leave the database;
/// nothing else reads opportunity amounts per owner.
/// </remarks>
public sealed class SalesFigures(KontorDb db, CurrentUser reader, AccessScope access, EmployeeDataGate gate)
{
    private const int MaxManagerDepth = 50;

    /// <summary>
    /// The owners whose figures make up the subjects (null for everyone), after the access rule: the reader
    /// themself, anyone up the subject's manager chain, an administrator, or a team lead who shares a team with the
    /// subject. A <see cref="ForbiddenException"/> (403) otherwise; an unknown user or team is a field error (400).
    /// </summary>
    public async Task<IReadOnlyList<Guid>?> ResolveAsync(FigureSubjects subjects, CancellationToken ct)
    {
        if (!access.Has(SalesObjects.Opportunities, ObjectPermissions.Read) || !reader.IsAuthenticated)
        {
            throw new ForbiddenException("Your role does not allow reading sales figures.");
        }

        var isAdmin = reader.IsInRole(Roles.Admin);
        switch (subjects.Kind)
        {
            case SubjectKind.Everyone:
                return isAdmin ? null : throw new ForbiddenException("Only administrators see the sales figures of the whole organisation.");

            case SubjectKind.User:
                if (!await db.Users.AnyAsync(u => u.Id == subjects.Id, ct))
                {
                    throw RequestValidationException.For("user", "There is no user with this id.");
                }

                if (!await MaySeeAsync([subjects.Id], isAdmin, ct))
                {
                    throw new ForbiddenException("You may see your own sales figures and those of people you manage or lead, not this person's.");
                }

                return [subjects.Id];

            default:
                if (!await db.Teams.AnyAsync(t => t.Id == subjects.Id, ct))
                {
                    throw RequestValidationException.For("team", "There is no team with this id.");
                }

                var members = await db.TeamMembers.Where(m => m.TeamId == subjects.Id).Select(m => m.UserId).ToListAsync(ct);
                if (!isAdmin && !(reader.IsInRole(Roles.TeamLead) && members.Contains(reader.Id)) && !await MaySeeAsync(members, isAdmin, ct))
                {
                    throw new ForbiddenException("You may see the figures of teams you lead or whose members you manage.");
                }

                return members;
        }
    }

    /// <summary>True when the reader may see the figures of every one of <paramref name="people"/>.</summary>
    public async Task<bool> MaySeeAsync(IReadOnlyCollection<Guid> people, CancellationToken ct) =>
        await MaySeeAsync(people, reader.IsInRole(Roles.Admin), ct);

    /// <summary>Whether the works agreement in force allows ordering people by their figures.</summary>
    public Task<bool> RankingsAllowedAsync(CancellationToken ct) => gate.RankingsAllowedAsync(db, ct);

    /// <summary>True when the reader may set targets for the subject: administrators, and team leads of the team (or of a team of the user).</summary>
    public async Task<bool> MaySetTargetAsync(FigureSubjects subject, CancellationToken ct)
    {
        if (reader.IsInRole(Roles.Admin))
        {
            return true;
        }

        if (!reader.IsInRole(Roles.TeamLead))
        {
            return false;
        }

        var myTeams = db.TeamMembers.Where(m => m.UserId == reader.Id).Select(m => m.TeamId);
        return subject.Kind switch
        {
            SubjectKind.Team => await myTeams.ContainsAsync(subject.Id, ct),
            SubjectKind.User => await db.TeamMembers.AnyAsync(m => m.UserId == subject.Id && myTeams.Contains(m.TeamId), ct),
            SubjectKind.Everyone => false,
            _ => false,
        };
    }

    /// <summary>
    /// The forecast of the subjects for the period (sums per currency, never across currencies) and, when
    /// <paramref name="byOwner"/>, the lines of each owner among them whose figures the reader may see, from one read
    /// of the figures (a team's rows are not read twice).
    /// </summary>
    public async Task<ForecastFigures> ForecastAsync(FigureSubjects subjects, SalesPeriod period, bool byOwner, string? purpose, CancellationToken ct)
    {
        // Several reads in a row: one open connection for all, not a trip to the pool (and its reset) before each.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var owners = await ResolveAsync(subjects, ct);
            var view = await ViewAsync(EmployeeDataCategories.RevenuePerOwner, owners, purpose, period, ct);
            var (open, won) = await ForecastRowsAsync(owners, period, ct);
            var suppression = await gate.SuppressAsync(db, reader, view, [view.Cell($"forecast:{period.Key}", view.Decisions.Keys)], totalShown: false, ct);
            var totalHidden = suppression.Suppressed.Count > 0;
            var lines = byOwner ? await ByOwnerAsync([.. open.Where(o => view.IsVisible(o.OwnerId))], [.. won.Where(w => view.IsVisible(w.OwnerId))], ct) : null;
            await gate.RecordReadsAsync(db, view.Category, view.Decisions, lines?.Select(l => l.OwnerId) ?? OnePerson(subjects, shown: !totalHidden), purpose, ct);
            return new ForecastFigures(totalHidden ? [] : Totals(open, won), lines, view.Withheld(0, totalHidden));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IReadOnlyList<OwnerForecast>> ByOwnerAsync(List<OpenRow> open, List<OwnerAmount> won, CancellationToken ct)
    {
        var owners = open.Select(o => o.OwnerId).Concat(won.Select(w => w.OwnerId)).Distinct().ToList();
        var names = await SubjectNamesAsync(owners.Select(o => (SubjectKind.User, o)), ct);
        return [.. owners
            .Select(owner => new OwnerForecast(owner, names.GetValueOrDefault(owner, ""), Totals([.. open.Where(o => o.OwnerId == owner)], [.. won.Where(w => w.OwnerId == owner)])))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// The person whose individual figures a read of one user's figures showed (logged by the gate when it is another
    /// person); a team's or everyone's sums are statistics, not individual reads.
    /// </summary>
    private static IEnumerable<Guid> OnePerson(FigureSubjects subjects, bool shown) =>
        subjects.Kind == SubjectKind.User && shown ? [subjects.Id] : [];

    /// <summary>
    /// The gate's view of the owners' figures in <paramref name="category"/>: for everyone (null) the tenant's users.
    /// One person is a group of one, so a person the reader may not see individually is withheld like a small team.
    /// A <paramref name="period"/> that ended before the category's retention period shows other people's values no more.
    /// </summary>
    private async Task<EmployeeDataView> ViewAsync(
        EmployeeDataCategory category, IReadOnlyList<Guid>? owners, string? purpose, SalesPeriod? period, CancellationToken ct) =>
        await gate.ViewAsync(
            db, reader, category, owners ?? await db.Users.Select(u => u.Id).ToListAsync(ct), purpose, ct, period is null ? null : Instants(period).To);

    private async Task<(List<OpenRow> Open, List<OwnerAmount> Won)> ForecastRowsAsync(IReadOnlyList<Guid>? owners, SalesPeriod period, CancellationToken ct)
    {
        var open = await Owned(owners)
            .Where(o => o.Outcome == StageOutcome.Open && o.ForecastCategory != ForecastCategory.Omitted && o.ForecastCategory != ForecastCategory.Closed
                && o.CloseDate >= period.Start && o.CloseDate < period.End)
            .GroupBy(o => new { o.OwnerId, o.Currency, o.ForecastCategory })
            .Select(g => new OpenRow(g.Key.OwnerId, g.Key.Currency, g.Key.ForecastCategory, g.Count(), g.Sum(o => o.Amount ?? 0), g.Sum(o => (o.Amount ?? 0) * o.Probability)))
            .ToListAsync(ct);
        return (open, await ClosedWonAsync(owners, period, ct));
    }

    /// <summary>Sums per currency; weighted sums add the unrounded amount × percent of every row and round once.</summary>
    private static List<ForecastTotals> Totals(List<OpenRow> open, List<OwnerAmount> won) =>
        [.. open.Select(o => o.Currency).Concat(won.Select(w => w.Currency)).Distinct().Order(StringComparer.Ordinal).Select(currency =>
        {
            var rows = open.Where(o => o.Currency == currency).ToList();
            long Sum(params ForecastCategory[] categories) => rows.Where(r => categories.Contains(r.Category)).Sum(r => r.Amount);
            long Weighted(params ForecastCategory[] categories) => Percent(rows.Where(r => categories.Contains(r.Category)).Sum(r => r.AmountTimesPercent));
            var wonRows = won.Where(w => w.Currency == currency).ToList();
            return new ForecastTotals(
                currency,
                Sum(ForecastCategory.Pipeline, ForecastCategory.BestCase, ForecastCategory.Commit),
                Weighted(ForecastCategory.Pipeline, ForecastCategory.BestCase, ForecastCategory.Commit),
                Sum(ForecastCategory.BestCase, ForecastCategory.Commit),
                Weighted(ForecastCategory.BestCase, ForecastCategory.Commit),
                Sum(ForecastCategory.Commit),
                Weighted(ForecastCategory.Commit),
                wonRows.Sum(w => w.Amount),
                rows.Sum(r => r.Count),
                wonRows.Sum(w => w.Count));
        })];

    private sealed record OpenRow(Guid OwnerId, string Currency, ForecastCategory Category, int Count, long Amount, long AmountTimesPercent);

    /// <summary>The open pipeline of the subjects by stage and currency (every close date).</summary>
    public async Task<Gated<IReadOnlyList<StageFigure>>> PipelineByStageAsync(FigureSubjects subjects, string? purpose, CancellationToken ct)
    {
        var owners = await ResolveAsync(subjects, ct);
        var view = await ViewAsync(EmployeeDataCategories.PipelinePerOwner, owners, purpose, period: null, ct);
        var rows = await Owned(owners)
            .Where(o => o.Outcome == StageOutcome.Open)
            .GroupBy(o => new { o.StageId, o.Currency, o.OwnerId })
            .Select(g => new { g.Key.StageId, g.Key.Currency, g.Key.OwnerId, Count = g.Count(), Amount = g.Sum(o => o.Amount ?? 0), Weighted = g.Sum(o => (o.Amount ?? 0) * o.Probability) })
            .ToListAsync(ct);
        var stageIds = rows.Select(r => r.StageId).Distinct().ToList();
        var stages = await db.PipelineStages.AsNoTracking().Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var cells = rows.GroupBy(r => (r.StageId, r.Currency)).ToList();
        static string Key((Guid Stage, string Currency) cell) => $"stage:{cell.Stage}:{cell.Currency}";
        var suppression = await gate.SuppressAsync(db, reader, view, [.. cells.Select(c => view.Cell(Key(c.Key), c.Select(r => r.OwnerId)))], totalShown: true, ct);
        await gate.RecordReadsAsync(db, view.Category, view.Decisions, OnePerson(subjects, shown: true), purpose, ct);
        var figures = cells
            .Select(c =>
            {
                var stage = stages[c.Key.StageId];
                var hidden = suppression.IsSuppressed(Key(c.Key));
                return new StageFigure(
                    c.Key.StageId, stage.Name, stage.Order, c.Key.Currency,
                    hidden ? null : c.Sum(r => r.Count), hidden ? null : c.Sum(r => r.Amount), hidden ? null : Percent(c.Sum(r => r.Weighted)));
            })
            .OrderBy(s => s.Order).ThenBy(s => s.Stage, StringComparer.Ordinal).ThenBy(s => s.Currency, StringComparer.Ordinal)
            .ToList();
        return new Gated<IReadOnlyList<StageFigure>>(figures, view.Withheld(suppression.Suppressed.Count, totalHidden: false));
    }

    /// <summary>Opportunities won and lost in the period, by loss reason and currency.</summary>
    public async Task<Gated<IReadOnlyList<OutcomeFigure>>> WonLostByReasonAsync(FigureSubjects subjects, SalesPeriod period, string? purpose, CancellationToken ct)
    {
        var owners = await ResolveAsync(subjects, ct);
        var view = await ViewAsync(EmployeeDataCategories.RevenuePerOwner, owners, purpose, period, ct);
        var (from, to) = Instants(period);
        var rows = await Owned(owners)
            .Where(o => o.Outcome != StageOutcome.Open && o.ClosedAt >= from && o.ClosedAt < to)
            .GroupBy(o => new { o.Outcome, o.LossReason, o.Currency, o.OwnerId })
            .Select(g => new { g.Key.Outcome, g.Key.LossReason, g.Key.Currency, g.Key.OwnerId, Count = g.Count(), Amount = g.Sum(o => o.Amount ?? 0) })
            .ToListAsync(ct);
        var cells = rows.GroupBy(r => (r.Outcome, Reason: r.Outcome == StageOutcome.Won ? null : r.LossReason, r.Currency)).ToList();
        string Key((StageOutcome Outcome, string? Reason, string Currency) cell) => $"outcome:{period.Key}:{cell.Outcome}:{cell.Reason}:{cell.Currency}";
        var suppression = await gate.SuppressAsync(db, reader, view, [.. cells.Select(c => view.Cell(Key(c.Key), c.Select(r => r.OwnerId)))], totalShown: true, ct);
        await gate.RecordReadsAsync(db, view.Category, view.Decisions, OnePerson(subjects, shown: true), purpose, ct);
        var figures = cells
            .Select(c =>
            {
                var hidden = suppression.IsSuppressed(Key(c.Key));
                return new OutcomeFigure(c.Key.Outcome, c.Key.Reason, c.Key.Currency, hidden ? null : c.Sum(r => r.Count), hidden ? null : c.Sum(r => r.Amount));
            })
            .OrderBy(r => r.Outcome).ThenByDescending(r => r.Count ?? 0).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        return new Gated<IReadOnlyList<OutcomeFigure>>(figures, view.Withheld(suppression.Suppressed.Count, totalHidden: false));
    }

    /// <summary>
    /// The targets of the subjects for the period, each with the closed-won actual of its subject and currency. A
    /// target stays listed for whoever may see or set it; its actual and attainment are withheld where the reader may
    /// not see the person's (or too few of the team's) figures.
    /// </summary>
    public async Task<Gated<IReadOnlyList<TargetResponse>>> TargetsAsync(FigureSubjects subjects, SalesPeriod period, string? purpose, CancellationToken ct)
    {
        var owners = await ResolveAsync(subjects, ct);
        var view = await ViewAsync(EmployeeDataCategories.TargetAttainment, owners, purpose, period, ct);
        var targets = db.SalesTargets.AsNoTracking().Where(t => t.Period == period.Key);
        targets = subjects.Kind switch
        {
            SubjectKind.User => targets.Where(t => t.SubjectKind == SubjectKind.User && t.SubjectId == subjects.Id),
            SubjectKind.Team => targets.Where(t => (t.SubjectKind == SubjectKind.Team && t.SubjectId == subjects.Id)
                || (t.SubjectKind == SubjectKind.User && owners!.Contains(t.SubjectId))),
            SubjectKind.Everyone => targets,
            _ => targets,
        };
        var list = await targets.ToListAsync(ct);
        var won = await ClosedWonAsync(owners, period, ct);
        var teamIds = list.Where(t => t.SubjectKind == SubjectKind.Team).Select(t => t.SubjectId).Distinct().ToList();
        var teamMembers = (await db.TeamMembers.AsNoTracking().Where(m => teamIds.Contains(m.TeamId)).Select(m => new { m.TeamId, m.UserId }).ToListAsync(ct))
            .ToLookup(m => m.TeamId, m => m.UserId);
        var names = await SubjectNamesAsync(list.Select(t => (t.SubjectKind, t.SubjectId)), ct);

        // Actuals of a team count its current members; a person's actual is a group of one.
        IReadOnlySet<Guid> People(SalesTarget t) => t.SubjectKind == SubjectKind.User ? new HashSet<Guid> { t.SubjectId } : teamMembers[t.SubjectId].ToHashSet();
        string Key(SalesTarget t) => $"target:{t.Id}";
        var cells = list.Select(t => view.Cell(Key(t), People(t)) with { Statistic = $"target:{period.Key}:{t.Currency}" }).ToList();
        var suppression = await gate.SuppressAsync(db, reader, view, cells, totalShown: false, ct);
        var shown = list.Where(t => !suppression.IsSuppressed(Key(t))).ToList();
        await gate.RecordReadsAsync(db, view.Category, view.Decisions, shown.Where(t => t.SubjectKind == SubjectKind.User).Select(t => t.SubjectId), purpose, ct);
        var responses = list
            .Select(t =>
            {
                long? actual = suppression.IsSuppressed(Key(t)) ? null : won.Where(w => w.Currency == t.Currency && People(t).Contains(w.OwnerId)).Sum(w => w.Amount);
                return TargetResponse.From(t, names.GetValueOrDefault(t.SubjectId, ""), actual);
            })
            .OrderBy(t => t.SubjectKind).ThenBy(t => t.SubjectName, StringComparer.CurrentCulture).ThenBy(t => t.Currency, StringComparer.Ordinal)
            .ToList();
        return new Gated<IReadOnlyList<TargetResponse>>(responses, view.Withheld(suppression.Suppressed.Count, totalHidden: false));
    }

    /// <summary>Display names of users and teams.</summary>
    internal async Task<Dictionary<Guid, string>> SubjectNamesAsync(IEnumerable<(SubjectKind Kind, Guid Id)> subjects, CancellationToken ct)
    {
        var list = subjects.ToList();
        var userIds = list.Where(s => s.Kind == SubjectKind.User).Select(s => s.Id).Distinct().ToList();
        var teamIds = list.Where(s => s.Kind == SubjectKind.Team).Select(s => s.Id).Distinct().ToList();
        var names = await UserNames.LoadAsync(db, userIds, ct);
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        foreach (var team in teams)
        {
            names[team.Id] = team.Name;
        }

        return names;
    }

    /// <summary>The period's first and next-after-last day as instants, at midnight in the reader's time zone.</summary>
    internal (DateTimeOffset From, DateTimeOffset To) Instants(SalesPeriod period) => (Midnight(period.Start), Midnight(period.End));

    private DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, reader.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<List<OwnerAmount>> ClosedWonAsync(IReadOnlyList<Guid>? owners, SalesPeriod period, CancellationToken ct)
    {
        var (from, to) = Instants(period);
        return await Owned(owners)
            .Where(o => o.Outcome == StageOutcome.Won && o.ClosedAt >= from && o.ClosedAt < to)
            .GroupBy(o => new { o.OwnerId, o.Currency })
            .Select(g => new OwnerAmount(g.Key.OwnerId, g.Key.Currency, g.Sum(o => o.Amount ?? 0), g.Count()))
            .ToListAsync(ct);
    }

    /// <summary>Opportunities of the owners (all when null), across the record-access filter: the person rule above has decided.</summary>
    private IQueryable<Opportunities.Opportunity> Owned(IReadOnlyList<Guid>? owners)
    {
        var opportunities = db.Opportunities.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecordAccess]);
        return owners is null ? opportunities : opportunities.Where(o => owners.Contains(o.OwnerId));
    }

    /// <summary>A sum of amount × percent back to minor units, half away from zero (commercial rounding), once per sum.</summary>
    private static long Percent(long amountTimesPercent) => (long)Math.Round(amountTimesPercent / 100m, MidpointRounding.AwayFromZero);

    private async Task<bool> MaySeeAsync(IReadOnlyCollection<Guid> people, bool isAdmin, CancellationToken ct)
    {
        if (isAdmin || people.All(p => p == reader.Id))
        {
            return true;
        }

        var others = people.Where(p => p != reader.Id).ToHashSet();
        if (reader.IsInRole(Roles.TeamLead))
        {
            var myTeams = db.TeamMembers.Where(m => m.UserId == reader.Id).Select(m => m.TeamId);
            var led = await db.TeamMembers.Where(m => others.Contains(m.UserId) && myTeams.Contains(m.TeamId)).Select(m => m.UserId).Distinct().ToListAsync(ct);
            others.ExceptWith(led);
            if (others.Count == 0)
            {
                return true;
            }
        }

        var managers = await db.Users.AsNoTracking().Where(u => u.ManagerId != null).Select(u => new { u.Id, u.ManagerId }).ToDictionaryAsync(u => u.Id, u => u.ManagerId!.Value, ct);
        return others.All(person =>
        {
            var current = person;
            for (var depth = 0; depth < MaxManagerDepth && managers.TryGetValue(current, out var manager); depth++)
            {
                if (manager == reader.Id)
                {
                    return true;
                }

                current = manager;
            }

            return false;
        });
    }
}
