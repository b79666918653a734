using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Segments;

/// <summary>A segment as clients send it: the body of <c>POST /api/segments</c>, the result of a <c>PATCH</c>, and the model of the segment form.</summary>
public sealed class SegmentRequest
{
    /// <summary>Unique within your organisation, ignoring case and umlaut spelling.</summary>
    [Mandatory, MaxChars(100)]
    public string Name { get; set; } = "";

    /// <summary>The inside-sales team that accounts of the segment get when none is named.</summary>
    public Guid? InsideSalesTeamId { get; set; }

    [MaxChars(1000)]
    public string? Description { get; set; }

    internal static SegmentRequest From(Segment segment) => new()
    {
        Name = segment.Name,
        InsideSalesTeamId = segment.InsideSalesTeamId,
        Description = segment.Description,
    };

    /// <summary>Validates the request, the team and the name's uniqueness; throws with every field error at once.</summary>
    internal async Task ValidateAsync(KontorDb db, Segment? stored, CancellationToken ct)
    {
        var errors = new FieldErrors(RequestValidator.Validate(this));
        if (!string.IsNullOrWhiteSpace(Name))
        {
            var key = Segment.KeyOf(Name);
            if (await db.Segments.AnyAsync(s => s.Key == key && s.Id != (stored == null ? Guid.Empty : stored.Id), ct))
            {
                errors.Add("name", ValidationMessages.SegmentNameTaken);
            }
        }

        await References.TeamAsync(db, InsideSalesTeamId, stored?.InsideSalesTeamId, errors, "insideSalesTeamId", ct);
        errors.ThrowIfAny();
    }

    internal Segment ToSegment() => new(Name.Trim(), InsideSalesTeamId, Normalize.Text(Description));

    internal void ApplyTo(Segment segment) => segment.Change(Name.Trim(), InsideSalesTeamId, Normalize.Text(Description));
}

/// <summary>A segment with its team's name and how many of the accounts the reader sees carry it.</summary>
public sealed record SegmentResponse(Guid Id, string Name, Guid? InsideSalesTeamId, string? InsideSalesTeamName, string? Description, int AccountCount)
{
    internal static IQueryable<SegmentResponse> Project(IQueryable<Segment> segments, KontorDb db) =>
        segments.Select(s => new SegmentResponse(
            s.Id,
            s.Name,
            s.InsideSalesTeamId,
            db.Teams.Where(t => t.Id == s.InsideSalesTeamId).Select(t => t.Name).FirstOrDefault(),
            s.Description,
            db.Accounts.Count(a => a.Segment == s.Name)));

    internal static Task<SegmentResponse?> LoadAsync(KontorDb db, Guid id, CancellationToken ct) =>
        Project(db.Segments.AsNoTracking().Where(s => s.Id == id), db).SingleOrDefaultAsync(ct);
}
