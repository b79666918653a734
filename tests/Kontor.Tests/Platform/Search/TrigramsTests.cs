using Kontor.Platform.Search;

namespace Kontor.Tests.Platform.Search;

/// <summary>SQLite scores candidates in .NET; the scores must agree with PostgreSQL's pg_trgm, which scores them there.</summary>
public sealed class TrigramsTests
{
    [Theory]
    // The examples of the pg_trgm documentation.
    [InlineData("word", "two words", 0.8)]
    [InlineData("word", "word", 1.0)]
    // Values of SELECT word_similarity(a, b) on PostgreSQL.
    [InlineData("schmitd", "anna schmidt", 0.625)]
    [InlineData("schmdit", "anna schmidt", 0.5)]
    [InlineData("meier", "hans meyer", 0.333)]
    [InlineData("muell", "mueller gmbh", 0.833)]
    [InlineData("abc", "xyz", 0.0)]
    public void WordSimilarity_MatchesPgTrgm(string term, string text, double expected)
    {
        Assert.Equal(expected, Trigrams.WordSimilarity(term, text), precision: 3);
    }

    [Fact]
    public void Of_PadsLikePgTrgm()
    {
        Assert.Equal(["  m", " me", "mei", "eie", "ier", "er "], Trigrams.Of("meier"));
    }

    [Theory]
    [InlineData("Schmdit", "anna schmidt | schmidt anna", true)]
    [InlineData("meyer", "hans meier | meier hans", true)]
    [InlineData("abel", "kabel ag", true)]
    [InlineData("weber", "anna schmidt | schmidt anna", false)]
    [InlineData("mue", "hans mayer", false)]
    public void Score_AcceptsTyposAboveThreshold(string term, string text, bool matches)
    {
        Assert.Equal(matches, GlobalSearchEngine.Score([term.ToLowerInvariant()], text) is not null);
    }

    [Fact]
    public void FtsQuery_QuotesEveryTrigramAndAndsTheWords()
    {
        Assert.Equal(
            "(\" me\" OR \"mei\" OR \"eie\" OR \"ier\" OR \"er \") AND \"a\"\"b\"",
            GlobalSearchEngine.FtsQuery(["meier", "a\"b"]));
    }
}
