using System.Globalization;
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

    /// <summary>How many matches PostgreSQL reads per step; more are not ranked, the total says "100+".</summary>
    internal const int PostgresCandidates = 200;

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

    private static bool IsFuzzy(string term) => term.Length >= FuzzyFromLength && !term.All(char.IsAsciiDigit);

    private static async Task<GlobalSearchHits> FindOnPostgresAsync<T>(KontorDb db, string table, IReadOnlyList<string> terms, int limit, CancellationToken ct)
        where T : class, IGloballySearchable
    {
        // Neither step orders in SQL: ordering thousands of matches of a common name ("Müller") by name or score reads
        // every one of their rows. A bounded set of matches, in no order, is ranked here; when there are more, the
        // group says so (total capped) and another word narrows it.
        var exact = await Match<T>(db, table, terms, fuzzy: false)
            .Select(r => new Candidate(r.Id, r.SearchTerms, r.SortName))
            .Take(PostgresCandidates + 1)
            .ToListAsync(ct);
        var exactRanked = RankExact(exact.Take(PostgresCandidates));
        if (exact.Count > limit || !terms.Any(IsFuzzy))
        {
            return new GlobalSearchHits([.. exactRanked.Take(limit)], Math.Min(exact.Count, TotalCap), exact.Count > TotalCap);
        }

        // Too few exact matches: add similar names, ranked by the average word similarity of the words to the name.
        var similar = await Match<T>(db, table, terms, fuzzy: true)
            .Select(r => new Candidate(r.Id, r.SearchTerms, r.SortName))
            .Take(PostgresCandidates)
            .ToListAsync(ct);
        var scored = terms.Where(t => t.Length >= 3 && !t.All(char.IsAsciiDigit)).ToList();
        var exactIds = exactRanked.Select(h => h.Id).ToHashSet();
        var hits = exactRanked
            .Concat(similar
                .Where(c => !exactIds.Contains(c.Id))
                .Select(c => (c.Id, c.SortName, Score: scored.Count == 0 ? 0 : scored.Average(t => Trigrams.WordSimilarity(t, c.SortName))))
                .OrderByDescending(c => c.Score).ThenBy(c => c.SortName, StringComparer.Ordinal).ThenBy(c => c.Id)
                .Select(c => new GlobalSearchHit(c.Id, Math.Round(Math.Min(c.Score, 0.999), 3))))
            .ToList();
        return new GlobalSearchHits([.. hits.Take(limit)], Math.Min(hits.Count, TotalCap), similar.Count == PostgresCandidates || hits.Count > TotalCap);
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

        var looked = terms.Where(t => t.Length >= 3).ToList();

        // As on PostgreSQL, first the records containing every word, a bounded set in no order: ranking all matches
        // of a common name by bm25 reads every one of them. Only when they are too few, the records sharing
        // trigrams with the words are ranked and scored for similar names.
        var exact = await Candidates(records, db, table, FtsQuery(looked, fuzzy: false), ranked: false).Take(SqliteCandidates + 1).ToListAsync(ct);
        var exactRanked = RankExact(exact.Take(SqliteCandidates));
        if (exact.Count > limit || !looked.Any(IsFuzzy))
        {
            return new GlobalSearchHits([.. exactRanked.Take(limit)], Math.Min(exact.Count, TotalCap), exact.Count > TotalCap);
        }

        var exactIds = exactRanked.Select(h => h.Id).ToHashSet();
        var found = await Candidates(records, db, table, FtsQuery(looked), ranked: true).Take(SqliteCandidates).ToListAsync(ct);
        var hits = exactRanked
            .Concat(found
                .Where(c => !exactIds.Contains(c.Id))
                .Select(c => (c.Id, c.SortName, Score: Score(looked, c.SearchTerms)))
                .Where(c => c.Score is not null)
                .OrderByDescending(c => c.Score).ThenBy(c => c.SortName, StringComparer.Ordinal).ThenBy(c => c.Id)
                .Select(c => new GlobalSearchHit(c.Id, Math.Round(Math.Min(c.Score!.Value, 0.999), 3))))
            .ToList();
        return new GlobalSearchHits([.. hits.Take(limit)], Math.Min(hits.Count, TotalCap), found.Count == SqliteCandidates || hits.Count > TotalCap);
    }

    /// <summary>Exact matches score 1 and come by the length of the sort name (the closest to what was typed first), then by name.</summary>
    private static List<GlobalSearchHit> RankExact(IEnumerable<Candidate> exact) =>
        [.. exact
            .OrderBy(c => c.SortName.Length).ThenBy(c => c.SortName, StringComparer.Ordinal).ThenBy(c => c.Id)
            .Select(c => new GlobalSearchHit(c.Id, 1))];

    /// <summary>
    /// The records matching an FTS5 query (all of them, by name, when there is none), best bm25 rank first when
    /// <paramref name="ranked"/>. The table name comes from the EF model, the user's words travel as a parameter.
    /// </summary>
    private static IQueryable<Candidate> Candidates<T>(IQueryable<T> records, KontorDb db, string table, string? match, bool ranked)
        where T : class, IGloballySearchable
    {
        if (match is null)
        {
            return records.OrderBy(r => r.SortName).ThenBy(r => r.Id).Select(r => new Candidate(r.Id, r.SearchTerms, r.SortName));
        }

        // bm25 is computed for every match the statement reads, so an unranked read does not ask for it.
        var ftsSql = string.Concat("SELECT \"Id\", ", ranked ? "rank" : "0.0", " AS \"Rank\" FROM \"", table, "Search\" WHERE \"", table, "Search\" MATCH {0}");
        var joined = from r in records
                     join m in db.Database.SqlQueryRaw<FtsMatch>(ftsSql, match) on r.Id equals m.Id
                     select new { r, m.Rank };
        return (ranked ? joined.OrderBy(j => j.Rank) : joined).Select(j => new Candidate(j.r.Id, j.r.SearchTerms, j.r.SortName));
    }

    /// <summary>
    /// The FTS5 query: per word either the word itself (a substring: for short words and numbers, and for every word
    /// unless <paramref name="fuzzy"/>) or any of its trigrams, including those at its edges (" me", "er "), so records
    /// with a typo are candidates too; the words are ANDed.
    /// </summary>
    internal static string? FtsQuery(IEnumerable<string> terms, bool fuzzy = true)
    {
        var groups = terms
            .Select(term => fuzzy && IsFuzzy(term)
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

    private sealed record Candidate(Guid Id, string SearchTerms, string SortName);

    private sealed class FtsMatch
    {
        public Guid Id { get; init; }
        public double Rank { get; init; }
    }
}
