using System.Text.Json.Serialization;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>Query of <c>GET /api/opportunities/board</c>; also the state of the board page.</summary>
public sealed class GetOpportunityBoardRequest
{
    /// <summary>The pipeline whose stages are the columns; the default pipeline when left out.</summary>
    public Guid? Pipeline { get; set; }

    /// <summary>A user id, or <c>me</c>.</summary>
    public string? Owner { get; set; }

    /// <summary>Words that must all appear in the name or the competitors.</summary>
    [MaxChars(100)]
    public string? Search { get; set; }

    /// <summary>Cards per column, 1–200 (default 50); more with <c>GET /api/opportunities?stage=…&amp;sort=closeDate&amp;cursor=…</c>.</summary>
    public int? Limit { get; set; }
}

/// <summary>The sum of a column's amounts in one currency, in minor units.</summary>
public sealed record MoneyTotal(string Currency, long Amount);

/// <summary>An opportunity as a card on the board.</summary>
public sealed record OpportunityCard(
    Guid Id, string Name, Guid AccountId, string? AccountName, Guid OwnerId, string? OwnerName, Guid StageId, long? Amount, string Currency, DateOnly? CloseDate,
    [property: JsonIgnore] uint Version);

/// <summary>
/// One stage of the board: how many opportunities it holds and their amounts per currency (all of them, not only the
/// cards shown), and the first cards by close date; <c>nextCursor</c> continues the list of that stage.
/// </summary>
public sealed record BoardColumn(
    Guid StageId, string Name, StageOutcome Outcome, int Probability, IReadOnlyList<string> RequiredFields, int Count, IReadOnlyList<MoneyTotal> Totals,
    IReadOnlyList<OpportunityCard> Cards, string? NextCursor);

/// <summary>The board of one pipeline: a column per stage, in stage order.</summary>
public sealed record OpportunityBoardResponse(Guid PipelineId, string PipelineName, IReadOnlyList<BoardColumn> Columns);

internal static class GetOpportunityBoard
{
    private const string CardSort = "closeDate";

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/board", async Task<Results<Ok<OpportunityBoardResponse>, NotFound>> (
                [AsParameters] GetOpportunityBoardRequest request, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct) =>
                await ExecuteAsync(request, db, user, access, ct) is { } board ? TypedResults.Ok(board) : TypedResults.NotFound())
            .WithName(nameof(GetOpportunityBoard))
            .WithSummary("The opportunities of a pipeline as a board: a column per stage with count, totals and the first cards")
            .WithDescription("Counts and totals cover every visible opportunity of the stage; cards are ordered by close date (undated last). Continue a column with GET /api/opportunities?pipeline=…&stage=…&sort=closeDate&cursor={nextCursor} (same owner and search).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the pipeline does not exist.</summary>
    public static async Task<OpportunityBoardResponse?> ExecuteAsync(GetOpportunityBoardRequest request, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        access.Require(Opportunity.SecuredObject, ObjectPermissions.Read);

        // About ten reads in a row: one open connection for all, not a trip to the pool (and its reset) before each.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await BoardAsync(request, db, user, access, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<OpportunityBoardResponse?> BoardAsync(GetOpportunityBoardRequest request, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct)
    {
        var limit = Paging.Limit(request.Limit);
        var pipeline = request.Pipeline is { } id
            ? await db.Pipelines.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            : await DefaultPipeline.GetOrCreateAsync(db, ct);
        if (pipeline is null)
        {
            return null;
        }

        var filter = new ListOpportunitiesRequest { Pipeline = pipeline.Id, Owner = request.Owner, Search = request.Search };
        var source = ListOpportunities.Filter(filter, db, user);
        var totals = await TotalsAsync(filter, source, db, user, access, ct);

        var sort = KeysetSorts.Pick(ListOpportunities.Sorts, CardSort);
        var stages = pipeline.Stages.OrderBy(s => s.Order).ToList();

        // The first cards of every column in one read: one ordered, limited query per stage, joined by UNION ALL. The
        // rows are put in the column's order again here (close-date key, then id: Guid and uuid order alike).
        IQueryable<Opportunity>? firstCards = null;
        foreach (var stage in stages)
        {
            var stageId = stage.Id;
            var column = sort.Apply(source.Where(o => o.StageId == stageId), after: null, limit);
            firstCards = firstCards is null ? column : firstCards.Concat(column);
        }

        var rows = firstCards is null ? [] : await firstCards.ToListAsync(ct);
        var pages = stages.Select(stage =>
        {
            var ofStage = rows.Where(r => r.StageId == stage.Id).OrderBy(r => r.CloseDateOrder).ThenBy(r => r.Id).ToList();
            string? next = null;
            if (ofStage.Count > limit)
            {
                ofStage.RemoveRange(limit, ofStage.Count - limit);
                next = sort.CursorAfter(ofStage[^1]).Encode();
            }

            return (Rows: ofStage, NextCursor: next);
        }).ToList();

        // Account and owner names of every column's cards in one read each.
        var cards = await CardsAsync([.. pages.SelectMany(p => p.Rows)], db, ct);
        var columns = stages.Select((stage, i) =>
        {
            var ofStage = totals.Where(t => t.StageId == stage.Id && t.Count != 0).ToList();
            return new BoardColumn(
                stage.Id, stage.Name, stage.Outcome, stage.Probability, stage.RequiredFields,
                ofStage.Sum(t => t.Count),
                [.. ofStage.Where(t => t.Sum != 0).OrderBy(t => t.Currency, StringComparer.Ordinal).Select(t => new MoneyTotal(t.Currency, t.Sum))],
                [.. cards.Where(c => c.StageId == stage.Id)], pages[i].NextCursor);
        }).ToList();

        return new OpportunityBoardResponse(pipeline.Id, pipeline.Name, columns);
    }

    /// <summary>Count and sum of amounts per stage and currency of the opportunities the filter and the reader's access let through.</summary>
    internal sealed record StageCurrencyTotal(Guid StageId, string Currency, int Count, long Sum);

    /// <summary>
    /// Without a search the totals come from the running totals the database keeps per stage, currency, owner and
    /// inside-sales team (a few hundred rows instead of every opportunity; ADR 0026); a search adds up the matching rows.
    /// </summary>
    internal static async Task<List<StageCurrencyTotal>> TotalsAsync(
        ListOpportunitiesRequest filter, IQueryable<Opportunity> source, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct)
    {
        if (SearchTerms.Split(filter.Search).Count == 0)
        {
            var totals = OpportunityStageTotal.Visible(db.OpportunityStageTotals.AsNoTracking(), access).Where(t => t.PipelineId == filter.Pipeline);
            if (OwnerFilter.Parse(filter.Owner, user) is { } owner)
            {
                totals = totals.Where(t => t.OwnerId == owner);
            }

            return await totals
                .GroupBy(t => new { t.StageId, t.Currency })
                .Select(g => new StageCurrencyTotal(g.Key.StageId, g.Key.Currency, g.Sum(t => t.Count), g.Sum(t => t.Amount)))
                .ToListAsync(ct);
        }

        return await RowTotalsAsync(source, ct);
    }

    /// <summary>The totals added up from the opportunities themselves (a search; and the check of the running totals).</summary>
    internal static Task<List<StageCurrencyTotal>> RowTotalsAsync(IQueryable<Opportunity> source, CancellationToken ct) =>
        source
            .GroupBy(o => new { o.StageId, o.Currency })
            .Select(g => new StageCurrencyTotal(g.Key.StageId, g.Key.Currency, g.Count(), g.Sum(o => o.Amount ?? 0L)))
            .ToListAsync(ct);

    /// <summary>The next cards of one column after <paramref name="cursor"/>, for "show more" on the board.</summary>
    public static async Task<(IReadOnlyList<OpportunityCard> Cards, string? NextCursor)> MoreCardsAsync(
        GetOpportunityBoardRequest request, Guid pipelineId, Guid stageId, string cursor, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        var filter = new ListOpportunitiesRequest { Pipeline = pipelineId, Stage = stageId, Owner = request.Owner, Search = request.Search };
        var (rows, next) = await PageAsync(ListOpportunities.Filter(filter, db, user), KeysetSorts.Pick(ListOpportunities.Sorts, CardSort), cursor, Paging.Limit(request.Limit), ct);
        return (await CardsAsync(rows, db, ct), next);
    }

    private static async Task<(List<Opportunity> Rows, string? NextCursor)> PageAsync(
        IQueryable<Opportunity> column, KeysetSort<Opportunity> sort, string? cursor, int limit, CancellationToken ct)
    {
        var rows = await sort.Apply(column, Paging.Cursor.Decode(cursor, sort.Name), limit).ToListAsync(ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = sort.CursorAfter(rows[^1]).Encode();
        }

        return (rows, next);
    }

    /// <summary>The rows as cards, in their order, with account and owner names.</summary>
    private static async Task<List<OpportunityCard>> CardsAsync(List<Opportunity> rows, KontorDb db, CancellationToken ct)
    {
        var accountIds = rows.Select(r => r.AccountId).Distinct().ToList();
        var ownerIds = rows.Select(r => r.OwnerId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Name })
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var owners = await UserNames.LoadAsync(db, ownerIds, ct);
        return [.. rows.Select(o => new OpportunityCard(
            o.Id, o.Name, o.AccountId, accounts.GetValueOrDefault(o.AccountId), o.OwnerId, owners.GetValueOrDefault(o.OwnerId), o.StageId, o.Amount, o.Currency, o.CloseDate, o.Version))];
    }
}
