using System.Globalization;
using Kontor.Features.Activities.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Timeline;

/// <summary>Query of <c>GET /api/timeline/{recordType}/{recordId}</c>; also the state of the timeline on a detail page.</summary>
public sealed class GetTimelineRequest
{
    /// <summary>Comma-separated: task, note, call, meeting, change. All when left out.</summary>
    [MaxChars(100)]
    public string? Kinds { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

/// <summary>What a timeline entry is.</summary>
public enum TimelineKind
{
    Task,
    Note,
    Call,
    Meeting,
    Visit,
    Change,
}

/// <summary>One change of one field, as the timeline shows it.</summary>
public sealed record FieldChangeResponse(string Field, string? OldValue, string? NewValue, Guid? ChangedBy, string? ChangedByName, Channel Channel)
{
    /// <summary>The name of the user, team or record the old value refers to, when it is a reference the caller can see.</summary>
    public string? OldName { get; init; }

    /// <summary>The name of the user, team or record the new value refers to, when it is a reference the caller can see.</summary>
    public string? NewName { get; init; }

    /// <summary>True when change-history retention removed who made the change (then <see cref="ChangedBy"/> is null).</summary>
    public bool ChangedByRemoved { get; init; }
}

/// <summary>
/// One entry of a record's timeline: an activity (of the record or of one of its children, then <c>fromChild</c> is
/// true and <c>record</c> names the child) or a field change of the record.
/// </summary>
public sealed record TimelineEntry(
    Guid Id, TimelineKind Kind, DateTimeOffset At, RecordRef Record, string? RecordName, bool FromChild, ActivityResponse? Activity, FieldChangeResponse? Change);

internal static class GetTimeline
{
    private const string Sort = "timeline";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/timeline").WithTags("Timeline").RequireAuthorization(KontorAuth.ApiPolicy)
            .MapGet("/{recordType}/{recordId:guid}", async Task<Results<Ok<Page<TimelineEntry>>, NotFound>> (
                string recordType, Guid recordId, [AsParameters] GetTimelineRequest request, ActivityAccess access, CancellationToken ct) =>
                await ExecuteAsync(new RecordRef(recordType, recordId), request, access, ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound())
            .WithName(nameof(GetTimeline))
            .WithSummary("A record's timeline: its activities, its children's activities and its field changes, newest first")
            .WithDescription("An account's timeline includes the activities of its contacts (fromChild). Filter with kinds=task,note,call,meeting,change. Keyset-paged across all sources: pass nextCursor as cursor. 404 when the record does not exist or is not visible.")
            .ProducesValidationProblem();

    /// <summary>Shared by the endpoint and the timeline component. Null when the record is not visible.</summary>
    public static async Task<Page<TimelineEntry>?> ExecuteAsync(RecordRef record, GetTimelineRequest request, ActivityAccess access, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var kinds = ParseKinds(request.Kinds);
        var size = Paging.Limit(request.Limit);
        var after = Paging.Cursor.Decode(request.Cursor, Sort);
        (DateTimeOffset At, Guid Id)? position = null;
        if (after is not null)
        {
            position = long.TryParse(after.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), after.Id)
                : throw RequestValidationException.For("cursor", "The cursor is invalid. Start again without a cursor.");
        }

        if (access.Targets.Find(record.Type) is not { } target
            || await target.AccessAsync(access.Db, access.Scope, record.Id, ct) == TargetAccess.Invisible)
        {
            return null;
        }

        // Each source is read in timeline order behind the cursor, at most one page plus one; the newest of the heads
        // wins. Entries are totally ordered by (time, id) and ids are unique across sources, so no entry is skipped
        // or repeated between pages (ADR 0011).
        var activities = await ActivitiesAsync(record, target, kinds, access, position, size, ct);
        var changes = kinds.Contains(TimelineKind.Change) && access.Scope.Has(ActivityObjects.Activities, ObjectPermissions.Read)
            ? await ChangesAsync(record, access, position, size, ct)
            : [];
        var merged = activities.Select(a => (a.At, a.Id, Activity: (Activity?)a.Row, Change: (Platform.Audit.FieldChange?)null))
            .Concat(changes.Select(c => (At: c.ChangedAt, c.Id, Activity: (Activity?)null, Change: (Platform.Audit.FieldChange?)c)))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id, DatabaseGuidOrder.Instance)
            .Take(size + 1)
            .ToList();

        string? next = null;
        if (merged.Count > size)
        {
            merged.RemoveAt(size);
            next = new Paging.Cursor(Sort, merged[^1].At.UtcTicks.ToString(CultureInfo.InvariantCulture), merged[^1].Id).Encode();
        }

        var described = (await ActivityResponse.DescribeAsync(access, [.. merged.Select(e => e.Activity).OfType<Activity>()], ct)).ToDictionary(a => a.Id);
        var names = await access.Targets.LabelsAsync(access.Db, described.Values.Select(a => new RecordRef(a.TargetType, a.TargetId)).Append(record), ct);
        var referenced = await ReferencedNamesAsync(access, [.. merged.Select(e => e.Change).OfType<Platform.Audit.FieldChange>()], ct);

        var items = merged.Select(e =>
        {
            if (e.Change is { } change)
            {
                return new TimelineEntry(
                    change.Id, TimelineKind.Change, change.ChangedAt, record, names.GetValueOrDefault(record)?.Name, FromChild: false, null,
                    new FieldChangeResponse(change.Field, change.OldValue, change.NewValue, change.ChangedBy,
                        change.ChangedBy is { } by ? referenced.GetValueOrDefault(by) : null, change.Channel)
                    {
                        ChangedByRemoved = change.ChangedByRedactedAt is not null,
                        OldName = NameOf(referenced, change.OldValue),
                        NewName = NameOf(referenced, change.NewValue),
                    });
            }

            var activity = described[e.Id];
            var on = new RecordRef(activity.TargetType, activity.TargetId);
            return new TimelineEntry(
                activity.Id, (TimelineKind)activity.Kind, e.At, on, names.GetValueOrDefault(on)?.Name, FromChild: on != record, activity, null);
        }).ToList();

        var total = await CountAsync(record, target, kinds, access, ct);
        return new Page<TimelineEntry>(items, next, Math.Min(total, Paging.CountCap), total > Paging.CountCap);
    }

    /// <summary>
    /// Names of who made the changes and of the users, teams and records that changed reference fields (owner, account,
    /// team …) pointed to, read through the caller's filters: ids are unique across tables, so each is looked up
    /// wherever it may be.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> ReferencedNamesAsync(ActivityAccess access, List<Platform.Audit.FieldChange> changes, CancellationToken ct)
    {
        var ids = changes.SelectMany(c => new[] { c.OldValue, c.NewValue })
            .Select(v => Guid.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : (Guid?)null)
            .Concat(changes.Select(c => c.ChangedBy))
            .OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var names = await access.Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => UserNames.Of(u.FirstName, u.LastName, u.Email), ct);
        foreach (var team in await access.Db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
        {
            names[team.Id] = team.Name;
        }

        var records = access.Targets.All.SelectMany(target => ids.Select(id => new RecordRef(target.Type, id)));
        foreach (var (record, label) in await access.Targets.LabelsAsync(access.Db, records, ct))
        {
            names[record.Id] = label.Name;
        }

        return names;
    }

    private static string? NameOf(Dictionary<Guid, string> names, string? value) =>
        Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? names.GetValueOrDefault(id) : null;

    private static HashSet<TimelineKind> ParseKinds(string? kinds)
    {
        if (string.IsNullOrWhiteSpace(kinds))
        {
            return [.. Enum.GetValues<TimelineKind>()];
        }

        var parsed = new HashSet<TimelineKind>();
        foreach (var part in kinds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<TimelineKind>(part, ignoreCase: true, out var kind) || part.Any(char.IsAsciiDigit))
            {
                throw RequestValidationException.For("kinds", "Use a comma-separated list of task, note, call, meeting and change.");
            }

            parsed.Add(kind);
        }

        return parsed;
    }

    private static IQueryable<Activity> ActivitiesOf(RecordRef record, IRecordTarget target, HashSet<TimelineKind> kinds, ActivityAccess access)
    {
        var type = record.Type;
        var id = record.Id;
        var query = access.Visible().Where(a => a.TargetType == type && a.TargetId == id);
        foreach (var children in target.Children(access.Db, record.Id))
        {
            var childType = children.Type;
            var childIds = children.Ids;
            query = query.Concat(access.Visible().Where(a => a.TargetType == childType && childIds.Contains(a.TargetId)));
        }

        var activityKinds = kinds.Where(k => k != TimelineKind.Change).Select(k => (ActivityKind)k).ToList();
        return activityKinds.Count == Enum.GetValues<ActivityKind>().Length ? query : query.Where(a => activityKinds.Contains(a.Kind));
    }

    private static async Task<List<(DateTimeOffset At, Guid Id, Activity Row)>> ActivitiesAsync(
        RecordRef record, IRecordTarget target, HashSet<TimelineKind> kinds, ActivityAccess access, (DateTimeOffset At, Guid Id)? after, int size, CancellationToken ct)
    {
        if (!kinds.Any(k => k != TimelineKind.Change))
        {
            return [];
        }

        var query = ActivitiesOf(record, target, kinds, access);
        if (after is { } position)
        {
            var at = position.At;
            var lastId = position.Id;
            query = query.Where(a => a.OccurredAt < at || (a.OccurredAt == at && a.Id < lastId));
        }

        var rows = await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(size + 1)
            .Select(a => a.Id).ToListAsync(ct);
        var loaded = await access.Visible().Where(a => rows.Contains(a.Id)).Include(a => ((Meetings.Meeting)a).Attendees).ToListAsync(ct);
        return [.. loaded.Select(a => (a.OccurredAt, a.Id, a))];
    }

    private static async Task<List<Platform.Audit.FieldChange>> ChangesAsync(
        RecordRef record, ActivityAccess access, (DateTimeOffset At, Guid Id)? after, int size, CancellationToken ct)
    {
        var type = record.Type;
        var id = record.Id;
        var query = access.Db.FieldChanges.AsNoTracking().Where(c => c.RecordType == type && c.RecordId == id);
        if (after is { } position)
        {
            var at = position.At;
            var lastId = position.Id;
            query = query.Where(c => c.ChangedAt < at || (c.ChangedAt == at && c.Id < lastId));
        }

        return await query.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(size + 1).ToListAsync(ct);
    }

    private static async Task<int> CountAsync(RecordRef record, IRecordTarget target, HashSet<TimelineKind> kinds, ActivityAccess access, CancellationToken ct)
    {
        var activities = kinds.Any(k => k != TimelineKind.Change)
            ? await ActivitiesOf(record, target, kinds, access).Take(Paging.CountCap + 1).CountAsync(ct)
            : 0;
        var type = record.Type;
        var id = record.Id;
        var changes = kinds.Contains(TimelineKind.Change) && access.Scope.Has(ActivityObjects.Activities, ObjectPermissions.Read)
            ? await access.Db.FieldChanges.Where(c => c.RecordType == type && c.RecordId == id).Take(Paging.CountCap + 1).CountAsync(ct)
            : 0;
        return activities + changes;
    }
}

/// <summary>
/// Orders ids as both databases do in <c>ORDER BY id</c>: SQLite compares the upper-case text, PostgreSQL the uuid's
/// bytes, and both equal the ordinal order of the text form. <see cref="Guid.CompareTo(Guid)"/> orders differently.
/// </summary>
internal sealed class DatabaseGuidOrder : IComparer<Guid>
{
    public static DatabaseGuidOrder Instance { get; } = new();

    public int Compare(Guid x, Guid y) =>
        string.CompareOrdinal(x.ToString("D").ToUpperInvariant(), y.ToString("D").ToUpperInvariant());
}
