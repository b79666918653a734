using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Accounts;

/// <summary>Query of <c>GET /api/accounts</c>; also the state of the accounts list page.</summary>
public sealed class ListAccountsRequest
{
    /// <summary>Words that must all appear in name, e-mail, phone, city or VAT id (case and umlauts ignored).</summary>
    [MaxChars(100)]
    public string? Search { get; set; }

    /// <summary>A user id, or <c>me</c>.</summary>
    public string? Owner { get; set; }

    [MaxChars(100)]
    public string? Segment { get; set; }

    /// <summary>Billing country, ISO 3166 alpha-2.</summary>
    [CountryCode]
    public string? Country { get; set; }

    /// <summary>Only sub-accounts of this account.</summary>
    public Guid? Parent { get; set; }

    /// <summary>Only accounts of this inside-sales team.</summary>
    public Guid? Team { get; set; }

    /// <summary>Only the record with this external id (the key in another system).</summary>
    [MaxChars(100)]
    public string? ExternalId { get; set; }

    /// <summary><c>name</c> (default), <c>createdAt</c>, <c>updatedAt</c>; prefix <c>-</c> for descending.</summary>
    public string? Sort { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListAccounts
{
    internal static IReadOnlyList<KeysetSort<Account>> Sorts { get; } =
    [
        .. KeysetSorts.BothWays(n => KeysetSorts.Text<Account>(n, a => a.SortName), "name"),
        .. KeysetSorts.BothWays(n => KeysetSorts.Time<Account>(n, a => a.CreatedAt), "createdAt"),
        .. KeysetSorts.BothWays(n => KeysetSorts.Time<Account>(n, a => a.UpdatedAt), "updatedAt"),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListAccountsRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListAccounts))
            .WithSummary("List accounts the caller can see")
            .WithDescription("Keyset-paged: pass nextCursor as cursor for the next page. The total is counted up to 10,000; totalIsCapped says there are more.")
            .ProducesValidationProblem();

    public static async Task<Page<AccountResponse>> ExecuteAsync(ListAccountsRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var sort = KeysetSorts.Pick(Sorts, request.Sort);
        var source = Filter(request, db, user);
        return await KeysetSorts.PageAsync(
            source, sort, request.Cursor, request.Limit,
            ids => AccountResponse.Project(source.Where(a => ids.Contains(a.Id)), db).InOrderOfAsync(ids, a => a.Id, ct),
            ct);
    }

    /// <summary>
    /// Every account the list shows for the request (filters, search, sort order and access rules; cursor and limit
    /// ignored), in list order, for reads that stream them all such as exports.
    /// </summary>
    public static IQueryable<AccountResponse> AllInOrder(ListAccountsRequest request, KontorDb db, CurrentUser user)
    {
        RequestValidator.ThrowIfInvalid(request);
        var sort = KeysetSorts.Pick(Sorts, request.Sort);
        return AccountResponse.Project(sort.Order(Filter(request, db, user)), db);
    }

    internal static IQueryable<Account> Filter(ListAccountsRequest request, KontorDb db, CurrentUser user)
    {
        var query = db.Accounts.AsNoTracking();
        foreach (var term in SearchTerms.Split(request.Search))
        {
            query = term.Digits is { } digits
                ? query.Where(a => a.SearchTerms.Contains(term.Text) || a.SearchTerms.Contains(digits))
                : query.Where(a => a.SearchTerms.Contains(term.Text));
        }

        if (Normalize.Text(request.ExternalId) is { } externalId)
        {
            query = query.Where(a => a.ExternalId == externalId);
        }

        if (OwnerFilter.Parse(request.Owner, user) is { } owner)
        {
            query = query.Where(a => a.OwnerId == owner);
        }

        if (Normalize.Text(request.Segment) is { } segment)
        {
            query = query.Where(a => a.Segment == segment);
        }

        if (Normalize.Upper(request.Country) is { } country)
        {
            query = query.Where(a => a.BillingAddress.Country == country);
        }

        if (request.Parent is { } parent)
        {
            query = query.Where(a => a.ParentAccountId == parent);
        }

        if (request.Team is { } team)
        {
            query = query.Where(a => a.InsideSalesTeamId == team);
        }

        return query;
    }
}
