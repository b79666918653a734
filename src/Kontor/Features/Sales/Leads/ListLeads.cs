using System.Globalization;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads;

/// <summary>Query of <c>GET /api/leads</c>; also the state of the leads list page.</summary>
public sealed class ListLeadsRequest
{
    /// <summary>Words that must all appear in name, company, e-mail, phone or city (case and umlauts ignored).</summary>
    [MaxChars(100)]
    public string? Search { get; set; }

    /// <summary>A user id, <c>me</c>, or <c>queue</c> for leads without owner.</summary>
    public string? Owner { get; set; }

    public LeadStatus? Status { get; set; }

    /// <summary>True: only leads that are neither converted nor disqualified.</summary>
    public bool? Open { get; set; }

    public LeadRating? Rating { get; set; }

    [MaxChars(100)]
    public string? Segment { get; set; }

    [MaxChars(100)]
    public string? Source { get; set; }

    [MaxChars(100)]
    public string? Campaign { get; set; }

    /// <summary>Address country, ISO 3166 alpha-2.</summary>
    [CountryCode]
    public string? Country { get; set; }

    /// <summary>Only leads of this team.</summary>
    public Guid? Team { get; set; }

    /// <summary>The lead with this key of another system (as an import set it).</summary>
    [MaxChars(100)]
    public string? ExternalId { get; set; }

    /// <summary><c>name</c> (default), <c>createdAt</c>, <c>updatedAt</c>, <c>score</c>; prefix <c>-</c> for descending.</summary>
    public string? Sort { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListLeads
{
    /// <summary>The value of <see cref="ListLeadsRequest.Owner"/> for leads waiting in the queue.</summary>
    public const string Queue = "queue";

    internal static IReadOnlyList<KeysetSort<Lead>> Sorts { get; } =
    [
        .. KeysetSorts.BothWays(n => KeysetSorts.Text<Lead>(n, l => l.SortName), "name"),
        .. KeysetSorts.BothWays(n => KeysetSorts.Time<Lead>(n, l => l.CreatedAt), "createdAt"),
        .. KeysetSorts.BothWays(n => KeysetSorts.Time<Lead>(n, l => l.UpdatedAt), "updatedAt"),
        .. KeysetSorts.BothWays(ScoreSort, "score"),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListLeadsRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListLeads))
            .WithSummary("List leads the caller can see")
            .WithDescription("Keyset-paged: pass nextCursor as cursor for the next page. owner=queue lists leads without owner. The total is counted up to 10,000; totalIsCapped says there are more.")
            .ProducesValidationProblem();

    public static async Task<Page<LeadResponse>> ExecuteAsync(ListLeadsRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var sort = KeysetSorts.Pick(Sorts, request.Sort);
        var source = Filter(request, db, user);
        return await KeysetSorts.PageAsync(
            source, sort, request.Cursor, request.Limit,
            ids => LeadResponse.Project(source.Where(l => ids.Contains(l.Id)), db).InOrderOfAsync(ids, l => l.Id, ct),
            ct);
    }

    internal static IQueryable<Lead> Filter(ListLeadsRequest request, KontorDb db, CurrentUser user)
    {
        var query = db.Leads.AsNoTracking();
        foreach (var term in SearchTerms.Split(request.Search))
        {
            query = term.Digits is { } digits
                ? query.Where(l => l.SearchTerms.Contains(term.Text) || l.SearchTerms.Contains(digits))
                : query.Where(l => l.SearchTerms.Contains(term.Text));
        }

        if (string.Equals(request.Owner, Queue, StringComparison.OrdinalIgnoreCase))
        {
            query = query.Where(l => l.OwnerId == null);
        }
        else if (OwnerFilter.Parse(request.Owner, user) is { } owner)
        {
            query = query.Where(l => l.OwnerId == owner);
        }

        if (request.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        if (request.Open == true)
        {
            query = query.Where(l => l.Status != LeadStatus.Converted && l.Status != LeadStatus.Disqualified);
        }

        if (request.Rating is { } rating)
        {
            query = query.Where(l => l.Rating == rating);
        }

        if (Normalize.Text(request.Segment) is { } segment)
        {
            query = query.Where(l => l.Segment == segment);
        }

        if (Normalize.Text(request.ExternalId) is { } externalId)
        {
            query = query.Where(l => l.ExternalId == externalId);
        }

        if (Normalize.Text(request.Source) is { } source)
        {
            query = query.Where(l => l.Source == source);
        }

        if (Normalize.Text(request.Campaign) is { } campaign)
        {
            query = query.Where(l => l.Campaign == campaign);
        }

        if (Normalize.Upper(request.Country) is { } country)
        {
            query = query.Where(l => l.Address.Country == country);
        }

        if (request.Team is { } team)
        {
            query = query.Where(l => l.TeamId == team);
        }

        return query;
    }

    private static KeysetSort<Lead> ScoreSort(string name) => new KeysetSort<Lead, int>
    {
        Name = name,
        Key = l => l.Score,
        Format = v => v.ToString(CultureInfo.InvariantCulture),
        Parse = v => int.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
    };
}
