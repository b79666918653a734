namespace Kontor.Platform.Retention;

/// <summary>Counts what a source removes and keeps the first <see cref="MaxItems"/> rows for the report.</summary>
/// <param name="source">The source's key.</param>
public sealed class RetentionTally(string source)
{
    /// <summary>How many rows a source lists in its outcome; the counts are complete.</summary>
    public const int MaxItems = 200;

    private readonly List<RetentionItem> items = [];

    public int Deleted { get; set; }
    public int Anonymised { get; set; }
    public int Held { get; set; }

    public void AddItems(string recordType, IEnumerable<Guid> ids, string reason)
    {
        foreach (var id in ids)
        {
            if (items.Count >= MaxItems)
            {
                return;
            }

            items.Add(new RetentionItem(recordType, id, reason));
        }
    }

    public RetentionOutcome ToOutcome() => new(source, Deleted, Anonymised, Held, [.. items]);
}
