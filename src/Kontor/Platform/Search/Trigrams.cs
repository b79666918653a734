namespace Kontor.Platform.Search;

/// <summary>
/// Trigram word similarity as PostgreSQL's pg_trgm computes it, for SQLite, where the candidates come from FTS5 and are
/// scored here: words are runs of letters and digits padded with two spaces in front and one behind ("  me", " me",
/// "mei", …, "er "); the similarity of a term to a text is the best shared / union ratio between the term's trigrams
/// and those of any continuous stretch of one word of the text.
/// </summary>
public static class Trigrams
{
    public static double WordSimilarity(string term, string text)
    {
        var wanted = Words(term).SelectMany(Of).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return 0;
        }

        var best = 0.0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            var trigrams = Of(word).ToList();
            for (var start = 0; start < trigrams.Count; start++)
            {
                seen.Clear();
                var shared = 0;
                for (var end = start; end < trigrams.Count; end++)
                {
                    if (seen.Add(trigrams[end]) && wanted.Contains(trigrams[end]))
                    {
                        shared++;
                    }

                    best = Math.Max(best, (double)shared / (wanted.Count + seen.Count - shared));
                }
            }

            if (best >= 1)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>The padded trigrams of one word, in order.</summary>
    public static IEnumerable<string> Of(string word)
    {
        var padded = "  " + word + " ";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
