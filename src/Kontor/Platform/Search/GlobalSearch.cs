using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Search;

/// <summary>Query of <c>GET /api/search</c>; also the state of the search box and the search page.</summary>
public sealed class GlobalSearchRequest
{
    public const int MinLength = 2;
    public const int MaxLength = 100;
    public const int DefaultLimit = 5;
    public const int MaxLimit = 50;

    /// <summary>The words to find, 2–100 characters; case, umlauts and accents are ignored, typos tolerated from four letters on.</summary>
    [Mandatory, MaxChars(MaxLength)]
    public string? Q { get; set; }

    /// <summary>Comma-separated record types to search (<c>account,contact</c>); all the caller may read when empty.</summary>
    [MaxChars(200)]
    public string? Types { get; set; }

    /// <summary>Results per type, 1–50 (default 5).</summary>
    public int? Limit { get; set; }
}

/// <summary>The answer of <c>GET /api/search</c>: one group per record type, in a fixed order.</summary>
public sealed record GlobalSearchResponse(string Q, IReadOnlyList<GlobalSearchGroup> Groups);

internal static class GlobalSearch
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<GlobalSearchResponse>> (
                [AsParameters] GlobalSearchRequest request, KontorDb db, IEnumerable<IGlobalSearchSource> sources, AccessScope access, CancellationToken ct) =>
                TypedResults.Ok(await ExecuteAsync(request, db, sources, access, ct)))
            .WithName(nameof(GlobalSearch))
            .WithSummary("Find accounts, contacts and other records by name, e-mail, phone or city, tolerating typos")
            .WithDescription("Results are grouped by type, best match first, only records the caller may see. Totals are counted up to 100; totalIsCapped says there are more.")
            .ProducesValidationProblem();

    /// <summary>Shared by the endpoint, the search box and the search page.</summary>
    public static async Task<GlobalSearchResponse> ExecuteAsync(
        GlobalSearchRequest request, KontorDb db, IEnumerable<IGlobalSearchSource> sources, AccessScope access, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var text = request.Q!.Trim();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (text.Length < GlobalSearchRequest.MinLength)
        {
            errors["q"] = [$"Type at least {GlobalSearchRequest.MinLength} characters."];
        }

        var limit = request.Limit ?? GlobalSearchRequest.DefaultLimit;
        if (limit is < 1 or > GlobalSearchRequest.MaxLimit)
        {
            errors["limit"] = [$"Use a limit from 1 to {GlobalSearchRequest.MaxLimit}."];
        }

        var all = sources.OrderBy(s => s.Order).ToList();
        var wanted = (request.Types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = wanted.Where(type => !all.Any(s => string.Equals(s.Object.Key, type, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            errors["types"] = [$"Unknown type {string.Join(", ", unknown)}. Use {string.Join(", ", all.Select(s => s.Object.Key))}."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var query = new GlobalSearchQuery(text, SearchTerms.Split(text), limit);
        var searched = all
            .Where(s => wanted.Length == 0 || wanted.Contains(s.Object.Key, StringComparer.OrdinalIgnoreCase))
            .Where(s => access.Has(s.Object, ObjectPermissions.Read))
            .ToList();
        var groups = new List<GlobalSearchGroup>();
        if (searched.Count == 0 || GlobalSearchEngine.MatchTerms(query.Terms).Count == 0)
        {
            return new GlobalSearchResponse(text, groups);
        }

        // One connection for every source: PostgreSQL keeps the similarity threshold per session.
        await using (await GlobalSearchEngine.OpenAsync(db, query, ct))
        {
            foreach (var source in searched)
            {
                groups.Add(await source.SearchAsync(query, db, ct));
            }
        }

        return new GlobalSearchResponse(text, groups);
    }
}

/// <summary>Registration of the global search: the endpoint, and the sources and indexes modules contribute.</summary>
public static class GlobalSearchModule
{
    /// <summary>Adds a source of records to the global search and the index of its table.</summary>
    public static IServiceCollection AddGlobalSearchSource<TSource>(this IServiceCollection services, string table)
        where TSource : class, IGlobalSearchSource
    {
        services.AddScoped<IGlobalSearchSource, TSource>();
        services.AddSingleton<IDatabaseObjects>(new GlobalSearchIndex(table));
        return services;
    }

    internal static IEndpointRouteBuilder MapGlobalSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search").WithTags("Search").RequireAuthorization(KontorAuth.ApiPolicy);
        GlobalSearch.Map(group);
        return app;
    }
}
