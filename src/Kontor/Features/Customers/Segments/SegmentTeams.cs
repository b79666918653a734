using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Segments;

/// <summary>A segment as accounts use it: its spelling and its inside-sales team.</summary>
internal sealed record SegmentChoice(string Name, Guid? InsideSalesTeamId);

/// <summary>
/// The inside-sales team an account gets from its segment (docs/segments.md): a new account without a named team
/// gets its segment's team; an account moved to another segment follows to that segment's team unless the same
/// change names a different team. The segment is spelt as the tenant defined it ("maschinenbau" → "Maschinenbau").
/// </summary>
internal static class SegmentTeams
{
    public static async Task<(string? Segment, Guid? Team)> ApplyAsync(
        KontorDb db, string? segment, Guid? requestedTeam, Account? stored, KnownReferences? known, CancellationToken ct)
    {
        if (segment is null)
        {
            return (null, requestedTeam);
        }

        var key = Segment.KeyOf(segment);
        var match = await ChoiceAsync(db, key, known, ct);
        var name = match?.Name ?? segment;
        if (match?.InsideSalesTeamId is not { } segmentTeam)
        {
            return (name, requestedTeam);
        }

        var followsSegment = stored is null
            ? requestedTeam is null
            : !string.Equals(Segment.KeyOf(stored.Segment ?? ""), key, StringComparison.Ordinal)
                && (requestedTeam is null || requestedTeam == stored.InsideSalesTeamId);
        return (name, followsSegment ? segmentTeam : requestedTeam);
    }

    /// <summary>A segment spelt as the tenant defined it (leads carry the name only); a segment the tenant has not defined stays as given.</summary>
    public static async Task<string?> SpellAsync(KontorDb db, string? segment, KnownReferences? known, CancellationToken ct) =>
        segment is null ? null : (await ChoiceAsync(db, Segment.KeyOf(segment), known, ct))?.Name ?? segment;

    private static async Task<SegmentChoice?> ChoiceAsync(KontorDb db, string key, KnownReferences? known, CancellationToken ct)
    {
        if (known is null)
        {
            return await db.Segments.AsNoTracking().Where(s => s.Key == key).Select(s => new SegmentChoice(s.Name, s.InsideSalesTeamId)).SingleOrDefaultAsync(ct);
        }

        known.Segments ??= await db.Segments.AsNoTracking().ToDictionaryAsync(s => s.Key, s => new SegmentChoice(s.Name, s.InsideSalesTeamId), ct);
        return known.Segments.GetValueOrDefault(key);
    }
}
