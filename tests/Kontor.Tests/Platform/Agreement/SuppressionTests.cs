using Kontor.Platform.Agreement.Gate;
using Microsoft.Extensions.Time.Testing;

namespace Kontor.Tests.Platform.Agreement;

/// <summary>Small cells stay hidden, and no subtraction (total minus shown cells, one query minus another) recovers them.</summary>
public sealed class SuppressionTests
{
    [Fact]
    public void TeamOfFour_UnderFive_IsFewerThanK()
    {
        var suppression = SmallCells.Suppress([Cell("team", 4)], minGroupSize: 5, totalShown: false);

        Assert.True(suppression.IsSuppressed("team"));
    }

    [Fact]
    public void TotalMinusShownGroups_CannotRevealTheHiddenOne()
    {
        // Teams of 9, 6 and 3 with a shown total: hiding only the 3 would leave total − 9 − 6 = the 3's sum.
        var cells = new[] { Cell("north", 9), Cell("south", 6), Cell("east", 3) };

        var suppression = SmallCells.Suppress(cells, minGroupSize: 5, totalShown: true);

        Assert.Equal(["east", "south"], suppression.Suppressed.Order(StringComparer.Ordinal));
        Assert.False(suppression.TotalSuppressed);
        AssertNoCellRecoverable(cells, suppression, 5);
    }

    [Fact]
    public void AllCellsTogether_UnderK_HideTheTotalToo()
    {
        var cells = new[] { Cell("a", 2), Cell("b", 1) };

        var suppression = SmallCells.Suppress(cells, minGroupSize: 5, totalShown: true);

        Assert.True(suppression.TotalSuppressed);
        Assert.Equal(2, suppression.Suppressed.Count);
    }

    [Fact]
    public void EmptyCells_AndLargeCells_AreShown()
    {
        var suppression = SmallCells.Suppress([Cell("empty", 0), Cell("big", 12)], minGroupSize: 5, totalShown: true);

        Assert.Empty(suppression.Suppressed);
        Assert.False(suppression.TotalSuppressed);
    }

    [Fact]
    public void OverlappingFilters_OfOneReader_AreRefusedWithinTheWindow()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-04T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var guard = new OverlapGuard(clock);
        var (tenant, reader, other) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var team = People(8);
        var teamWithoutOne = team.Skip(1).ToHashSet();

        guard.Remember(tenant, reader, "revenue-per-owner", team);

        Assert.True(guard.WouldDisclose(tenant, reader, "revenue-per-owner", teamWithoutOne, 5));
        Assert.False(guard.WouldDisclose(tenant, reader, "revenue-per-owner", team, 5));
        Assert.False(guard.WouldDisclose(tenant, other, "revenue-per-owner", teamWithoutOne, 5));
        Assert.False(guard.WouldDisclose(tenant, reader, "activity-counts", teamWithoutOne, 5));
        Assert.False(guard.WouldDisclose(tenant, reader, "revenue-per-owner", team.Skip(5).Concat(People(5)).ToHashSet(), 5));

        clock.Advance(OverlapGuard.Window + TimeSpan.FromSeconds(1));
        Assert.False(guard.WouldDisclose(tenant, reader, "revenue-per-owner", teamWithoutOne, 5));
    }

    private static void AssertNoCellRecoverable(GroupCell[] cells, Suppression suppression, int k)
    {
        // What a reader can subtract: the total minus every shown cell leaves the hidden cells together.
        var hiddenPeople = cells.Where(c => suppression.IsSuppressed(c.Key)).SelectMany(c => c.Members).Distinct().Count();
        Assert.True(suppression.TotalSuppressed || hiddenPeople == 0 || hiddenPeople >= k);
    }

    private static GroupCell Cell(string key, int people) => new(key, People(people));

    private static HashSet<Guid> People(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7())];
}
