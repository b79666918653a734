using System.Globalization;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>Query of <c>GET /api/opportunities</c>; also the state of the opportunity list page.</summary>
public sealed class ListOpportunitiesRequest
{
    /// <summary>Words that must all appear in the name or the competitors (case and umlauts ignored).</summary>
    [MaxChars(100)]
    public string? Search { get; set; }

    /// <summary>Only opportunities of this pipeline.</summary>
    public Guid? Pipeline { get; set; }

    /// <summary>Only opportunities in this stage.</summary>
    public Guid? Stage { get; set; }

    /// <summary>A user id, or <c>me</c>.</summary>
    public string? Owner { get; set; }

    /// <summary>Only opportunities of this account.</summary>
    public Guid? Account { get; set; }

    /// <summary><c>open</c>, <c>won</c> or <c>lost</c>.</summary>
    [MaxChars(10)]
    public string? Outcome { get; set; }

    /// <summary>Only opportunities closing on or after this date (yyyy-MM-dd).</summary>
    public DateOnly? CloseFrom { get; set; }

    /// <summary>Only opportunities closing on or before this date (yyyy-MM-dd).</summary>
    public DateOnly? CloseTo { get; set; }

    /// <summary><c>name</c> (default), <c>closeDate</c>, <c>amount</c>, <c>createdAt</c>, <c>updatedAt</c>; prefix <c>-</c> for descending.</summary>
    public string? Sort { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListOpportunities
{
    /// <summary>Opportunities without close date sort after every dated one (<see cref="Opportunity.CloseDateOrder"/>).</summary>
    internal static IReadOnlyList<KeysetSort<Opportunity>> Sorts { get; } =
    [
        .. KeysetSorts.BothWays(n => KeysetSorts.Text<Opportunity>(n, o => o.SortName), "name"),
        .. KeysetSorts.BothWays(CloseDateSort, "closeDate"),
        .. KeysetSorts.BothWays(AmountSort, "amount"),
        .. KeysetSorts.BothWays(n => KeysetSorts.Time<Opportunity>(n, o => o.CreatedAt), "createdAt"),
        .. KeysetSorts.BothWays(n => KeysetSorts.Time<Opportunity>(n, o => o.UpdatedAt), "updatedAt"),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListOpportunitiesRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListOpportunities))
            .WithSummary("List opportunities the caller can see")
            .WithDescription("Filter by pipeline, stage, owner, account, outcome and close-date range. Keyset-paged: pass nextCursor as cursor for the next page. The total is counted up to 10,000; totalIsCapped says there are more.")
            .ProducesValidationProblem();

    public static async Task<Page<OpportunityResponse>> ExecuteAsync(ListOpportunitiesRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var sort = KeysetSorts.Pick(Sorts, request.Sort);
        var source = Filter(request, db, user);
        return await KeysetSorts.PageAsync(
            source, sort, request.Cursor, request.Limit,
            ids => OpportunityResponse.Project(source.Where(o => ids.Contains(o.Id)), db).InOrderOfAsync(ids, o => o.Id, ct),
            ct);
    }

    internal static IQueryable<Opportunity> Filter(ListOpportunitiesRequest request, KontorDb db, CurrentUser user)
    {
        var query = db.Opportunities.AsNoTracking();
        foreach (var term in SearchTerms.Split(request.Search))
        {
            query = query.Where(o => o.SearchTerms.Contains(term.Text));
        }

        if (request.Pipeline is { } pipeline)
        {
            query = query.Where(o => o.PipelineId == pipeline);
        }

        if (request.Stage is { } stage)
        {
            query = query.Where(o => o.StageId == stage);
        }

        if (OwnerFilter.Parse(request.Owner, user) is { } owner)
        {
            query = query.Where(o => o.OwnerId == owner);
        }

        if (request.Account is { } account)
        {
            query = query.Where(o => o.AccountId == account);
        }

        if (Normalize.Text(request.Outcome) is { } text)
        {
            var outcome = Enum.TryParse<StageOutcome>(text, ignoreCase: true, out var parsed) && !text.Any(char.IsAsciiDigit)
                ? parsed
                : throw RequestValidationException.For("outcome", OpportunityMessages.Get("Use open, won or lost."));
            query = query.Where(o => o.Outcome == outcome);
        }

        if (request.CloseFrom is { } from)
        {
            query = query.Where(o => o.CloseDate >= from);
        }

        if (request.CloseTo is { } to)
        {
            query = query.Where(o => o.CloseDate <= to);
        }

        return query;
    }

    private static KeysetSort<Opportunity> CloseDateSort(string name) => new KeysetSort<Opportunity, DateOnly>
    {
        Name = name,
        Key = o => o.CloseDateOrder,
        Format = v => v.ToString("O", CultureInfo.InvariantCulture),
        Parse = v => DateOnly.ParseExact(v, "O", CultureInfo.InvariantCulture),
    };

    private static KeysetSort<Opportunity> AmountSort(string name) => new KeysetSort<Opportunity, long>
    {
        Name = name,
        Key = o => o.Amount ?? -1L,
        Format = v => v.ToString(CultureInfo.InvariantCulture),
        Parse = v => long.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
    };
}
