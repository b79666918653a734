namespace Kontor.Platform.Agreement.Gate;

/// <summary>
/// One cell of a statistic: a group of people (by id) whose values are summed or counted together. A cell that names
/// its <paramref name="Statistic"/> (e.g. the pipeline of one stage in one currency) is compared across queries only
/// with cells of the same statistic; without one, with every group of the category.
/// </summary>
public sealed record GroupCell(string Key, IReadOnlySet<Guid> Members, string? Statistic = null);

/// <summary>Which cells of a table may be shown, and whether its total may.</summary>
public sealed record Suppression(IReadOnlySet<string> Suppressed, bool TotalSuppressed)
{
    public bool IsSuppressed(string key) => Suppressed.Contains(key);
}

/// <summary>
/// Small-cell suppression as statistical offices do it. Primary: a cell describing fewer than k people (but at
/// least one) is not shown. Secondary: when the total is shown, the hidden cells together must also describe at
/// least k people, or the total minus the shown cells would reveal them; so further cells are hidden, smallest
/// first, until they do, and if even all cells together are fewer than k, the total is hidden too. An empty cell
/// (nobody) reveals nothing and is shown.
/// </summary>
public static class SmallCells
{
    /// <param name="cells">The cells of the table.</param>
    /// <param name="minGroupSize">k, the smallest group a statistic may describe.</param>
    /// <param name="totalShown">Whether the table shows a total over all cells.</param>
    /// <param name="alsoHidden">Cells hidden for other reasons (a differencing risk across queries), treated as primary suppressions.</param>
    public static Suppression Suppress(IReadOnlyList<GroupCell> cells, int minGroupSize, bool totalShown, IEnumerable<string>? alsoHidden = null)
    {
        var hidden = cells.Where(c => c.Members.Count > 0 && c.Members.Count < minGroupSize).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        hidden.UnionWith(alsoHidden ?? []);
        if (!totalShown || hidden.Count == 0)
        {
            return new Suppression(hidden, TotalSuppressed: false);
        }

        int HiddenPeople() => cells.Where(c => hidden.Contains(c.Key)).SelectMany(c => c.Members).Distinct().Count();
        foreach (var next in cells.Where(c => c.Members.Count > 0 && !hidden.Contains(c.Key)).OrderBy(c => c.Members.Count).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            if (HiddenPeople() >= minGroupSize)
            {
                break;
            }

            hidden.Add(next.Key);
        }

        var everyone = cells.SelectMany(c => c.Members).Distinct().Count();
        return new Suppression(hidden, TotalSuppressed: everyone < minGroupSize || HiddenPeople() < minGroupSize);
    }
}
