using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Search;

/// <summary>A record found by the global search and how well it matched (0–1).</summary>
public sealed record GlobalSearchHit(Guid Id, double Score);

/// <summary>The best hits of one record type and how many matched in all (counted up to <see cref="GlobalSearchEngine.TotalCap"/>).</summary>
public sealed record GlobalSearchHits(IReadOnlyList<GlobalSearchHit> Hits, int Total, bool TotalIsCapped);

/// <summary>
/// Finds records by their folded <see cref="IGloballySearchable.SearchTerms"/>: every word of the search must be the
/// start of a word of the record (SQLite: anywhere in it), or, from four letters on, similar enough to one
/// (trigram word similarity, tolerating a typo). PostgreSQL answers from a trigram and a full-text GIN index,
/// SQLite from an FTS5 trigram table; both in one statement with the entity's query filters. See ADR 0015.
/// </summary>
public static class GlobalSearchEngine
{
    /// <summary>Matches are counted up to this number; the UI shows "100+".</summary>
    public const int TotalCap = 100;

    /// <summary>Words from this length on tolerate typos.</summary>
    public const int FuzzyFromLength = 4;

    /// <summary>
    /// How many of the best trigram candidates SQLite scores in .NET. FTS5 orders them by bm25, which puts records
    /// sharing many trigrams with the search first, so the records above the similarity threshold are among them.
    /// </summary>
    internal const int SqliteCandidates = 200;

    /// <summary>
    /// The word similarity a word of four or five letters needs: one wrong letter in a short word leaves only a third of its
    /// trigrams ("Meier" and "Meyer" share "  m", " me" and "er "). Longer words need more, so a typo still finds them but
    /// fewer unrelated words do.
    /// </summary>
    public static double ThresholdFor(string term) => term.Length <= 5 ? 0.3 : 0.4;

    /// <summary>The terms of a search that take part in matching: words of one letter are ignored, phone numbers match by digits.</summary>
    public static IReadOnlyList<string> MatchTerms(IReadOnlyList<SearchTerm> terms) =>
        [.. terms.Select(t => t.Digits ?? t.Text).Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Prepares the connection for a search. On PostgreSQL the trigram operator <c>&lt;%</c> reads its threshold from
    /// the session; the connection stays open until the returned handle is disposed so every source's query sees it.
    /// </summary>
    public static async Task<IAsyncDisposable> OpenAsync(KontorDb db, GlobalSearchQuery query, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var fuzzy = MatchTerms(query.Terms).Where(IsFuzzy).ToList();
            var threshold = fuzzy.Count == 0 ? 1.0 : fuzzy.Min(ThresholdFor);
            await db.Database.ExecuteSqlRawAsync(
                "SELECT set_config('pg_trgm.word_similarity_threshold', {0}, false)", [threshold.ToString(CultureInfo.InvariantCulture)], ct);
        }

        return new Connection(db);
    }

    /// <summary>The best matches among the records of <typeparamref name="T"/> the current user may see.</summary>
    public static Task<GlobalSearchHits> FindAsync<T>(KontorDb db, GlobalSearchQuery query, CancellationToken ct)
        where T : class, IGloballySearchable
    {
        var terms = MatchTerms(query.Terms);
        if (terms.Count == 0)
        {
            return Task.FromResult(new GlobalSearchHits([], 0, false));
        }

        var table = db.Model.FindEntityType(typeof(T))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        return db.Database.IsNpgsql()
            ? FindOnPostgresAsync<T>(db, table, terms, query.Limit, ct)
            : FindOnSqliteAsync<T>(db, table, terms, query.Limit, ct);
    }

    /// <summary>pg_trgm's <c>word_similarity</c>; mapped on PostgreSQL only.</summary>
    public static float WordSimilarity(string term, string text) =>
        throw new InvalidOperationException("word_similarity runs in PostgreSQL only.");

    private static bool IsFuzzy(string term) => term.Length >= FuzzyFromLength && !term.All(char.IsAsciiDigit);

    private static async Task<GlobalSearchHits> FindOnPostgresAsync<T>(KontorDb db, string table, IReadOnlyList<string> terms, int limit, CancellationToken ct)
        where T : class, IGloballySearchable
    {
        // Exact first: every word starts a word of the record. The full-text index answers that without rechecking rows,
        // and ordering by a name's length (shortest, i.e. closest to the words typed, first) cannot be served by the
        // sort-name index, so PostgreSQL never walks that index hoping to meet matches early.
        var exact = Match<T>(db, table, terms, fuzzy: false);
        var first = await exact
            .OrderBy(r => r.SortName.Length).ThenBy(r => r.SortName).ThenBy(r => r.Id)
            .Select(r => r.Id)
            .Take(limit + 1)
            .ToListAsync(ct);
        var fuzzyTerms = terms.Where(IsFuzzy).ToList();
        if (first.Count > limit || fuzzyTerms.Count == 0)
        {
            var (exactTotal, exactCapped) = first.Count <= limit ? (first.Count, false) : await CountAsync(exact, ct);
            return new GlobalSearchHits([.. first.Take(limit).Select(id => new GlobalSearchHit(id, 1))], exactTotal, exactCapped);
        }

        // Then similar names: a word of four letters or more may also be similar to a word of the record's name. The
        // trigram index on the short sort name keeps the rows PostgreSQL rechecks and scores few and cheap.
        var similar = Match<T>(db, table, terms, fuzzy: true);
        var scored = terms.Where(t => t.Length >= 3 && !t.All(char.IsAsciiDigit)).ToList();
        var rows = await similar
            .Select(Score<T>(scored))
            .OrderByDescending(r => r.Score).ThenBy(r => r.SortName).ThenBy(r => r.Id)
            .Take(limit + first.Count + 1)
            .ToListAsync(ct);
        var hits = first.Select(id => new GlobalSearchHit(id, 1))
            .Concat(rows.Where(r => !first.Contains(r.Id)).Select(r => new GlobalSearchHit(r.Id, Math.Round(Math.Min(r.Score, 0.999), 3))))
            .ToList();
        var (total, capped) = hits.Count <= limit ? (hits.Count, false) : await CountAsync(similar, ct);
        return new GlobalSearchHits([.. hits.Take(limit)], total, capped);
    }

    /// <summary>
    /// The records whose every word matches, as raw SQL on the entity's table (the operators have no EF translation);
    /// EF composes the entity's query filters around it, so tenant, recycle bin and record access narrow the same
    /// statement the indexes answer.
    /// </summary>
    private static IQueryable<T> Match<T>(KontorDb db, string table, IReadOnlyList<string> terms, bool fuzzy)
        where T : class, IGloballySearchable
    {
        var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"SELECT * FROM \"{table}\" WHERE ");
        var arguments = new List<object>();
        foreach (var term in terms)
        {
            if (arguments.Count > 0)
            {
                sql.Append(" AND ");
            }

            var n = arguments.Count;
            if (term.All(char.IsAsciiDigit))
            {
                sql.Append(CultureInfo.InvariantCulture, $"\"SearchTerms\" LIKE {{{n}}}");
                arguments.Add($"%{term}%");
                continue;
            }

            sql.Append(CultureInfo.InvariantCulture, $"(to_tsvector('simple', \"SearchTerms\") @@ to_tsquery('simple', {{{n}}})");
            arguments.Add(PrefixQuery(term));
            if (fuzzy && IsFuzzy(term))
            {
                sql.Append(CultureInfo.InvariantCulture, $" OR ({{{n + 1}}} <% \"SortName\"");
                if (ThresholdFor(term) > terms.Where(IsFuzzy).Min(ThresholdFor))
                {
                    // The session threshold is the lowest any word needs; a longer word needs more.
                    sql.Append(CultureInfo.InvariantCulture, $" AND word_similarity({{{n + 1}}}, \"SortName\") >= {ThresholdFor(term).ToString(CultureInfo.InvariantCulture)}");
                }

                sql.Append(')');
                arguments.Add(term);
            }

            sql.Append(')');
        }

        return db.Set<T>().FromSqlRaw(sql.ToString(), [.. arguments]).AsNoTracking();
    }

    private static async Task<(int Total, bool Capped)> CountAsync<T>(IQueryable<T> records, CancellationToken ct)
    {
        var total = await records.Take(TotalCap + 1).CountAsync(ct);
        return total > TotalCap ? (TotalCap, true) : (total, false);
    }

    /// <summary>The average word similarity of the words of three letters or more to the record's name: an exact word scores 1, a typo about a third to a half.</summary>
    private static Expression<Func<T, ScoredRow>> Score<T>(IReadOnlyList<string> scored)
    {
        var record = Expression.Parameter(typeof(T), "record");
        var sortName = Expression.Property(record, nameof(IGloballySearchable.SortName));
        var similarity = typeof(GlobalSearchEngine).GetMethod(nameof(WordSimilarity))!;
        Expression sum = Expression.Constant(0f);
        foreach (var term in scored)
        {
            // A captured value becomes a SQL parameter; a constant would be inlined into the SQL text.
            var value = Expression.Property(Expression.Constant(new Captured(term)), nameof(Captured.Value));
            sum = Expression.Add(sum, Expression.Call(similarity, value, sortName));
        }

        var score = scored.Count == 0 ? sum : Expression.Divide(sum, Expression.Constant((float)scored.Count));
        var row = Expression.MemberInit(
            Expression.New(typeof(ScoredRow)),
            Expression.Bind(typeof(ScoredRow).GetProperty(nameof(ScoredRow.Id))!, Expression.Property(record, nameof(IHasId.Id))),
            Expression.Bind(typeof(ScoredRow).GetProperty(nameof(ScoredRow.SortName))!, Expression.Property(record, nameof(IGloballySearchable.SortName))),
            Expression.Bind(typeof(ScoredRow).GetProperty(nameof(ScoredRow.Score))!, score));
        return Expression.Lambda<Func<T, ScoredRow>>(row, record);
    }

    /// <summary>A word prefix query for the 'simple' configuration; quoting keeps the user's characters from being tsquery operators.</summary>
    private static string PrefixQuery(string term) =>
        "'" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "':*";

    private static async Task<GlobalSearchHits> FindOnSqliteAsync<T>(KontorDb db, string table, IReadOnlyList<string> terms, int limit, CancellationToken ct)
        where T : class, IGloballySearchable
    {
        // FTS5's trigram tokenizer cannot look up fewer than three characters: such words must start a word of the record.
        var records = db.Set<T>().AsNoTracking();
        foreach (var term in terms.Where(t => t.Length < 3))
        {
            var wordStart = " " + term;
            records = records.Where(r => r.SearchTerms.StartsWith(term) || r.SearchTerms.Contains(wordStart));
        }

        var match = FtsQuery(terms.Where(t => t.Length >= 3));

        // The table name comes from the EF model, the user's words travel as a parameter.
        var ftsSql = string.Concat("SELECT \"Id\", rank AS \"Rank\" FROM \"", table, "Search\" WHERE \"", table, "Search\" MATCH {0}");
        var candidates = match is null
            ? records.OrderBy(r => r.SortName).ThenBy(r => r.Id).Select(r => new Candidate(r.Id, r.SearchTerms, r.SortName))
            : from r in records
              join m in db.Database.SqlQueryRaw<FtsMatch>(ftsSql, match)
                  on r.Id equals m.Id
              orderby m.Rank
              select new Candidate(r.Id, r.SearchTerms, r.SortName);
        var found = await candidates.Take(SqliteCandidates).ToListAsync(ct);

        var scored = terms.Where(t => t.Length >= 3).ToList();
        var matches = found
            .Select(c => (c.Id, c.SortName, Score: Score(scored, c.SearchTerms)))
            .Where(c => c.Score is not null)
            .OrderByDescending(c => c.Score).ThenBy(c => c.SortName, StringComparer.Ordinal).ThenBy(c => c.Id)
            .ToList();
        var capped = found.Count == SqliteCandidates || matches.Count > TotalCap;
        return new GlobalSearchHits(
            [.. matches.Take(limit).Select(m => new GlobalSearchHit(m.Id, Math.Round(m.Score!.Value, 3)))],
            Math.Min(matches.Count, TotalCap),
            capped);
    }

    /// <summary>
    /// The FTS5 query: per word either the word itself (a substring, for short words and numbers) or any of its trigrams,
    /// including those at its edges (" me", "er "), so records with a typo are candidates too; the words are ANDed.
    /// </summary>
    internal static string? FtsQuery(IEnumerable<string> terms)
    {
        var groups = terms
            .Select(term => IsFuzzy(term)
                ? "(" + string.Join(" OR ", Windows(" " + term + " ").Distinct(StringComparer.Ordinal).Select(Quote)) + ")"
                : Quote(term))
            .ToList();
        return groups.Count == 0 ? null : string.Join(" AND ", groups);

        static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The average similarity of the scored terms, or null when a term neither appears in the text nor is similar enough.</summary>
    internal static double? Score(IReadOnlyList<string> scored, string text)
    {
        if (scored.Count == 0)
        {
            return 1;
        }

        var sum = 0.0;
        foreach (var term in scored)
        {
            var similarity = Trigrams.WordSimilarity(term, text);
            if (!text.Contains(term, StringComparison.Ordinal) && !(IsFuzzy(term) && similarity >= ThresholdFor(term)))
            {
                return null;
            }

            sum += similarity;
        }

        return sum / scored.Count;
    }

    private static IEnumerable<string> Windows(string text)
    {
        for (var i = 0; i + 3 <= text.Length; i++)
        {
            yield return text.Substring(i, 3);
        }
    }

    private sealed class Connection(KontorDb db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }

    private sealed class Captured(string value)
    {
        public string Value { get; } = value;
    }

    private sealed class ScoredRow
    {
        public Guid Id { get; init; }
        public string SortName { get; init; } = "";
        public float Score { get; init; }
    }

    private sealed record Candidate(Guid Id, string SearchTerms, string SortName);

    private sealed class FtsMatch
    {
        public Guid Id { get; init; }
        public double Rank { get; init; }
    }
}
