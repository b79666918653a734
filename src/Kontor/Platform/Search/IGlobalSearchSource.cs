using Kontor.Platform.Access;
using Kontor.Platform.Data;

namespace Kontor.Platform.Search;

/// <summary>
/// One kind of record the global search box finds (accounts, contacts, …). A module registers one per object
/// with <c>services.AddGlobalSearchSource&lt;T&gt;()</c>; the platform knows no feature and asks every source.
/// </summary>
public interface IGlobalSearchSource
{
    /// <summary>The object searched; its key is the result group's <c>type</c>, its read permission decides whether the group is shown.</summary>
    SecuredObject Object { get; }

    /// <summary>Position of the group among the results (smaller first).</summary>
    int Order { get; }

    /// <summary>The group's heading in the user's language.</summary>
    string Heading { get; }

    /// <summary>
    /// The best matches the user may see, best first: a source calls <see cref="GlobalSearchEngine.FindAsync{T}"/> with its
    /// entity (so the tenant, recycle-bin and record-access filters apply) and describes the hits.
    /// </summary>
    Task<GlobalSearchGroup> SearchAsync(GlobalSearchQuery query, KontorDb db, CancellationToken ct);
}

/// <summary>A record the global search can find: its folded search terms and sort key, kept by the entity on every change.</summary>
public interface IGloballySearchable : IHasId
{
    /// <summary>Folded words the record is found by (<see cref="SearchText.Combine"/>).</summary>
    string SearchTerms { get; }

    /// <summary>Folded name; orders results of equal score.</summary>
    string SortName { get; }
}

/// <summary>A parsed search: the words to match and how many results each group shows.</summary>
public sealed record GlobalSearchQuery(string Text, IReadOnlyList<SearchTerm> Terms, int Limit);

/// <summary>The results of one record type, best first.</summary>
/// <param name="Type">The object key, e.g. <c>account</c>.</param>
/// <param name="Heading">The group's heading in the user's language.</param>
/// <param name="Total">Matches counted up to <see cref="GlobalSearchEngine.TotalCap"/>.</param>
/// <param name="TotalIsCapped">True when there are more matches than <paramref name="Total"/>.</param>
/// <param name="Items">The best matches, at most the requested limit.</param>
public sealed record GlobalSearchGroup(string Type, string Heading, int Total, bool TotalIsCapped, IReadOnlyList<GlobalSearchItem> Items);

/// <summary>One search result.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Title">What the record is called.</param>
/// <param name="Subtitle">What tells records of the same title apart (company, e-mail, city), if anything.</param>
/// <param name="Url">The record's page in the web UI.</param>
/// <param name="Score">How well the record matches, 0–1 (1: every word found as typed); only for ordering.</param>
public sealed record GlobalSearchItem(Guid Id, string Title, string? Subtitle, string Url, double Score);
