namespace Kontor.Components.Shared;

/// <summary>Remembers the cursors of the pages a list page has shown, so "previous" can go back.</summary>
internal sealed class KeysetPaging
{
    private readonly Stack<(string? Cursor, int First)> previous = new();

    public string? Cursor { get; private set; }
    public int First { get; private set; }
    public string? NextCursor { get; set; }
    public bool HasPrevious => previous.Count > 0;
    public bool HasNext => NextCursor is not null;

    public void Next(int pageSize)
    {
        previous.Push((Cursor, First));
        Cursor = NextCursor;
        First += pageSize;
    }

    public void Previous()
    {
        (Cursor, First) = previous.Pop();
    }

    /// <summary>Back to the first page, e.g. after the search or sort changed.</summary>
    public void Reset()
    {
        previous.Clear();
        Cursor = null;
        First = 0;
    }
}
