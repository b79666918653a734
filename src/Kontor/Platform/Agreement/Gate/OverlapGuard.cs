using System.Collections.Concurrent;

namespace Kontor.Platform.Agreement.Gate;

/// <summary>
/// Remembers which groups a reader has seen statistics of, per category, for <see cref="Window"/>, so that two
/// queries whose groups differ by fewer than k people cannot be subtracted from each other (the team, then the team
/// filtered to leave one person out). A group is refused when its symmetric difference with a group the reader saw
/// in the window holds between 1 and k − 1 people. The memory is per application instance: readers are pinned to one
/// instance by their circuit, and API clients get the same guarantee as long as one instance serves a tenant.
/// </summary>
public sealed class OverlapGuard(TimeProvider clock)
{
    /// <summary>How long a seen group counts against later ones.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>The most groups remembered per reader and category; older ones are forgotten first.</summary>
    public const int MaxGroupsPerReader = 500;

    private readonly ConcurrentDictionary<(Guid Tenant, Guid Reader, string Category), List<(DateTimeOffset At, HashSet<Guid> Members)>> seen = new();

    /// <summary>True when showing a statistic of <paramref name="members"/> would let the reader subtract it from one they saw.</summary>
    public bool WouldDisclose(Guid tenant, Guid reader, string category, IReadOnlySet<Guid> members, int minGroupSize)
    {
        if (!seen.TryGetValue((tenant, reader, category), out var groups))
        {
            return false;
        }

        var since = clock.GetUtcNow() - Window;
        lock (groups)
        {
            return groups.Any(g => g.At >= since && Differs(g.Members, members) is > 0 and var d && d < minGroupSize);
        }
    }

    /// <summary>Records that the reader saw a statistic of <paramref name="members"/>.</summary>
    public void Remember(Guid tenant, Guid reader, string category, IReadOnlySet<Guid> members)
    {
        var now = clock.GetUtcNow();
        var groups = seen.GetOrAdd((tenant, reader, category), _ => []);
        lock (groups)
        {
            groups.RemoveAll(g => g.At < now - Window || g.Members.SetEquals(members));
            if (groups.Count >= MaxGroupsPerReader)
            {
                groups.RemoveAt(0);
            }

            groups.Add((now, [.. members]));
        }
    }

    private static int Differs(HashSet<Guid> before, IReadOnlySet<Guid> now) =>
        before.Count(m => !now.Contains(m)) + now.Count(m => !before.Contains(m));
}
