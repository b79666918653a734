namespace Kontor.Platform.Agreement.Gate;

/// <summary>
/// What one reader may see of a group of people's figures in one category: whose individual values (decided by
/// <see cref="IndividualAccess"/>), and which people stay hidden. A statistic over the group is safe to show when the
/// hidden people it describes are none or at least <see cref="MinGroupSize"/> (<see cref="EmployeeDataGate.SuppressAsync"/>);
/// the people the reader may see one by one cannot be revealed by subtraction.
/// </summary>
public sealed record EmployeeDataView(
    EmployeeDataCategory Category, IReadOnlyDictionary<Guid, IndividualDecision> Decisions, int MinGroupSize, IReadOnlyList<string> Purposes)
{
    public bool IsVisible(Guid person) => Decisions.TryGetValue(person, out var decision) && decision.IsAllowed;

    /// <summary>The people of the group whose individual values the reader may not see.</summary>
    public int HiddenCount => Decisions.Values.Count(d => !d.IsAllowed);

    /// <summary>True when declaring one of <see cref="Purposes"/> would show more people's values.</summary>
    public bool PurposeRequired => Decisions.Values.Any(d => d.Outcome == IndividualOutcome.PurposeRequired);

    /// <summary>
    /// A cell of a statistic as the suppression sees it: only the hidden people among its contributors count, and the
    /// key names the statistic, so the same cell over another group is compared with it across queries.
    /// </summary>
    public GroupCell Cell(string key, IEnumerable<Guid> contributors) => new(key, contributors.Where(c => !IsVisible(c)).ToHashSet(), key);

    /// <summary>What a figure built on this view left out, for the response; null when it left out nothing.</summary>
    public WithheldFigures? Withheld(int cellsHidden, bool totalHidden) =>
        HiddenCount == 0 && cellsHidden == 0 && !totalHidden
            ? null
            : new WithheldFigures(Category.Key, MinGroupSize, HiddenCount, cellsHidden, totalHidden, PurposeRequired, Purposes);
}

/// <summary>
/// What a statistic of employee data did not show, so that people and programs can tell "not allowed" from "none":
/// how many people's individual values are withheld, how many cells and whether the total are shown as "fewer than
/// <paramref name="MinGroupSize"/>", and, when <paramref name="PurposeRequired"/>, the purposes that would show more.
/// </summary>
/// <param name="Category">The employee-data category's key.</param>
/// <param name="MinGroupSize">k: the smallest group a statistic may describe.</param>
/// <param name="PeopleHidden">People whose individual values are not shown.</param>
/// <param name="CellsHidden">Cells of the statistic shown as "fewer than k".</param>
/// <param name="TotalHidden">Whether the total over the group is shown as "fewer than k".</param>
/// <param name="PurposeRequired">Whether declaring a purpose would show individual values.</param>
/// <param name="Purposes">The purposes the category may be read for.</param>
public sealed record WithheldFigures(
    string Category, int MinGroupSize, int PeopleHidden, int CellsHidden, bool TotalHidden, bool PurposeRequired, IReadOnlyList<string> Purposes)
{
    /// <summary>What several statistics of one category withheld together (e.g. one forecast per period).</summary>
    public static WithheldFigures? Combine(WithheldFigures? a, WithheldFigures? b) => a is null ? b : b is null ? a : a with
    {
        PeopleHidden = Math.Max(a.PeopleHidden, b.PeopleHidden),
        CellsHidden = a.CellsHidden + b.CellsHidden,
        TotalHidden = a.TotalHidden || b.TotalHidden,
        PurposeRequired = a.PurposeRequired || b.PurposeRequired,
    };
}
