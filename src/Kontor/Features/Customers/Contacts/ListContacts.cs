using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Contacts;

/// <summary>Query of <c>GET /api/contacts</c>; also the state of the contacts list page.</summary>
public sealed class ListContactsRequest
{
    /// <summary>Words that must all appear in name, e-mail, phone, job title or the account's city (case and umlauts ignored).</summary>
    [MaxChars(100)]
    public string? Search { get; set; }

    /// <summary>A user id, or <c>me</c>.</summary>
    public string? Owner { get; set; }

    /// <summary>Only contacts of this account.</summary>
    public Guid? Account { get; set; }

    /// <summary>Only contacts of accounts in this segment.</summary>
    [MaxChars(100)]
    public string? Segment { get; set; }

    /// <summary>Only contacts of accounts with this billing country (ISO 3166 alpha-2).</summary>
    [CountryCode]
    public string? Country { get; set; }

    /// <summary>Only the record with this external id (the key in another system).</summary>
    [MaxChars(100)]
    public string? ExternalId { get; set; }

    /// <summary><c>name</c> (default, last name first), <c>createdAt</c>, <c>updatedAt</c>; prefix <c>-</c> for descending.</summary>
    public string? Sort { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListContacts
{
    internal static IReadOnlyList<KeysetSort<Contact>> Sorts { get; } =
    [
        .. KeysetSorts.BothWays(n => KeysetSorts.Text<Contact>(n, c => c.SortName), "name"),
        .. KeysetSorts.BothWays(n => KeysetSorts.Time<Contact>(n, c => c.CreatedAt), "createdAt"),
        .. KeysetSorts.BothWays(n => KeysetSorts.Time<Contact>(n, c => c.UpdatedAt), "updatedAt"),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListContactsRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListContacts))
            .WithSummary("List contacts the caller can see")
            .WithDescription("Keyset-paged: pass nextCursor as cursor for the next page. The total is counted up to 10,000; totalIsCapped says there are more.")
            .ProducesValidationProblem();

    public static async Task<Page<ContactResponse>> ExecuteAsync(ListContactsRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var sort = KeysetSorts.Pick(Sorts, request.Sort);
        var source = Filter(request, db, user);
        return await KeysetSorts.PageAsync(
            source, sort, request.Cursor, request.Limit,
            ids => ContactResponse.Project(source.Where(c => ids.Contains(c.Id)), db).InOrderOfAsync(ids, c => c.Id, ct),
            ct);
    }

    /// <summary>
    /// Every contact the list shows for the request (filters, search, sort order and access rules; cursor and limit
    /// ignored), in list order, for reads that stream them all such as exports.
    /// </summary>
    public static IQueryable<ContactResponse> AllInOrder(ListContactsRequest request, KontorDb db, CurrentUser user)
    {
        RequestValidator.ThrowIfInvalid(request);
        var sort = KeysetSorts.Pick(Sorts, request.Sort);
        return ContactResponse.Project(sort.Order(Filter(request, db, user)), db);
    }

    internal static IQueryable<Contact> Filter(ListContactsRequest request, KontorDb db, CurrentUser user)
    {
        var query = db.Contacts.AsNoTracking();
        var accounts = db.Accounts.AsNoTracking();
        foreach (var term in SearchTerms.Split(request.Search))
        {
            var text = term.Text;
            if (term.Digits is { } digits)
            {
                query = query.Where(c => c.SearchTerms.Contains(text) || c.SearchTerms.Contains(digits));
                continue;
            }

            // A contact also matches by its account's city, which the access filter guards on the account. The two
            // halves are joined by UNION ALL, not OR: each can use its own index (the contact's search terms; the
            // account's search terms, which hold the city, narrow the accounts before their city is compared),
            // where an OR lets the database walk the sort index testing every contact. The second half leaves out
            // the contacts of the first, so no row comes twice and the database need not compare whole rows to drop
            // duplicates (UNION); a page then sorts only the matches' sort keys and a count stops at its cap.
            // ToLower and Replace run in SQL (lower(), replace()), not in .NET, so the culture rule does not apply;
            // the term is folded (ü → ue), so the city is folded the same way, and SQLite's lower() changes ASCII
            // letters only, hence the capital umlauts.
#pragma warning disable CA1304, CA1311
            var inCity = accounts
                .Where(a => a.SearchTerms.Contains(text) && a.BillingAddress.City != null
                    && a.BillingAddress.City.ToLower()
                        .Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss")
                        .Replace("Ä", "ae").Replace("Ö", "oe").Replace("Ü", "ue")
                        .Contains(text))
                .Select(a => (Guid?)a.Id);
            query = query.Where(c => c.SearchTerms.Contains(text))
                .Concat(query.Where(c => inCity.Contains(c.AccountId) && !c.SearchTerms.Contains(text)));
#pragma warning restore CA1304, CA1311
        }

        if (Normalize.Text(request.ExternalId) is { } externalId)
        {
            query = query.Where(c => c.ExternalId == externalId);
        }

        if (OwnerFilter.Parse(request.Owner, user) is { } owner)
        {
            query = query.Where(c => c.OwnerId == owner);
        }

        if (request.Account is { } account)
        {
            query = query.Where(c => c.AccountId == account);
        }

        if (Normalize.Text(request.Segment) is { } segment)
        {
            query = query.Where(c => accounts.Any(a => a.Id == c.AccountId && a.Segment == segment));
        }

        if (Normalize.Upper(request.Country) is { } country)
        {
            query = query.Where(c => accounts.Any(a => a.Id == c.AccountId && a.BillingAddress.Country == country));
        }

        return query;
    }
}
