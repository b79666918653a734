using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Quotes;

/// <summary>Query of <c>GET /api/quotes</c>; also the state of the quotes list page.</summary>
public sealed class ListQuotesRequest
{
    public Guid? OpportunityId { get; set; }

    public QuoteStatus? Status { get; set; }

    /// <summary>Only quotes waiting for the caller's approval.</summary>
    public bool? AwaitingMyApproval { get; set; }

    /// <summary>Also older versions (default: only the current version of each quote).</summary>
    public bool? AllVersions { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListQuotes
{
    private static readonly IReadOnlyList<KeysetSort<Quote>> Sorts = [KeysetSorts.Time<Quote>("-createdAt", q => q.CreatedAt)];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListQuotesRequest request, KontorDb db, Platform.Identity.CurrentUser user, CancellationToken ct) => ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListQuotes))
            .WithSummary("List quotes the caller can see")
            .WithDescription("Newest first, keyset-paged. Quotes of opportunities the caller cannot see are not listed.")
            .ProducesValidationProblem();

    public static async Task<Page<QuoteSummary>> ExecuteAsync(ListQuotesRequest request, KontorDb db, Platform.Identity.CurrentUser user, CancellationToken ct)
    {
        var query = QuoteAccess.Visible(db).AsNoTracking();
        if (request.AllVersions != true)
        {
            query = query.Where(q => q.IsCurrent);
        }

        if (request.OpportunityId is { } opportunityId)
        {
            query = query.Where(q => q.OpportunityId == opportunityId);
        }

        if (request.Status is { } status)
        {
            query = query.Where(q => q.Status == status);
        }

        if (request.AwaitingMyApproval == true)
        {
            query = query.Where(q => q.Status == QuoteStatus.InApproval && q.ApproverId == user.Id);
        }

        var sort = Sorts[0];
        return await KeysetSorts.PageAsync(
            query, sort, request.Cursor, request.Limit,
            ids => query.Where(q => ids.Contains(q.Id))
                .Select(q => new QuoteSummary(
                    q.Id, Quote.FormatNumber(q.Sequence, q.Revision), q.Revision, q.IsCurrent, q.Status, q.OpportunityId,
                    db.Opportunities.Where(o => o.Id == q.OpportunityId).Select(o => o.Name).FirstOrDefault(),
                    db.Accounts.Where(a => a.Id == q.AccountId).Select(a => a.Name).FirstOrDefault(),
                    q.Currency, q.GrossTotal, q.QuoteDate, q.ValidUntil, q.ApprovalRequired, q.ApproverId, q.CreatedAt))
                .InOrderOfAsync(ids, q => q.Id, ct),
            ct);
    }
}
