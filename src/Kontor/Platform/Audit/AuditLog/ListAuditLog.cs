using System.Globalization;
using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Audit.AuditLog;

/// <summary>Query of <c>GET /api/audit-log</c>; also the state of the audit log page.</summary>
public sealed class ListAuditLogRequest
{
    /// <summary>Only entries of this action, e.g. <c>Update</c> or <c>LoginFailed</c>.</summary>
    [MaxChars(40)]
    public string? Action { get; set; }

    /// <summary>Only entries about this kind of record, e.g. <c>account</c>.</summary>
    [MaxChars(40)]
    public string? RecordType { get; set; }

    /// <summary>Only entries about this record.</summary>
    public Guid? RecordId { get; set; }

    /// <summary>Only entries of this actor (a user id).</summary>
    public Guid? Actor { get; set; }

    /// <summary>Only entries at or after this instant.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Only entries before this instant.</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

/// <summary>One audit entry as the API and the audit log page show it; <see cref="RedactedAt"/> is set when retention removed its person-identifying fields.</summary>
public sealed record AuditEntryResponse(
    long Sequence,
    DateTimeOffset At,
    Guid? ActorId,
    string? ActorName,
    ActorKind ActorKind,
    Channel Channel,
    AuditAction Action,
    string? RecordType,
    Guid? RecordId,
    string? Detail,
    string PreviousHash,
    string Hash,
    DateTimeOffset? RedactedAt = null);

internal static class ListAuditLog
{
    /// <summary>Newest first; the sequence is unique per tenant, so it alone orders the log.</summary>
    private static readonly KeysetSort<AuditEntry> NewestFirst = new KeysetSort<AuditEntry, long>
    {
        Name = "-sequence",
        Key = e => e.Sequence,
        Format = v => v.ToString(CultureInfo.InvariantCulture),
        Parse = v => long.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture),
    };

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListAuditLogRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListAuditLog))
            .WithSummary("Browse your organisation's audit log, newest first")
            .WithDescription("Keyset-paged: pass nextCursor as cursor for the next page. Filter by action, record type, record id, actor and time range. Administrators only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Page<AuditEntryResponse>> ExecuteAsync(ListAuditLogRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        RequestValidator.ThrowIfInvalid(request);
        var query = db.AuditEntries.AsNoTracking();
        if (Normalize.Text(request.Action) is { } actionName)
        {
            if (!Enum.TryParse<AuditAction>(actionName, ignoreCase: true, out var action) || !Enum.IsDefined(action) || char.IsDigit(actionName[0]))
            {
                throw RequestValidationException.For("action", AdminMessages.Format("Choose one of: {0}.", string.Join(", ", Enum.GetNames<AuditAction>())));
            }

            query = query.Where(e => e.Action == action);
        }

        if (Normalize.Text(request.RecordType) is { } recordType)
        {
            query = query.Where(e => e.RecordType == recordType);
        }

        if (request.RecordId is { } recordId)
        {
            query = query.Where(e => e.RecordId == recordId);
        }

        if (request.Actor is { } actor)
        {
            query = query.Where(e => e.ActorId == actor);
        }

        if (request.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (request.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        return await KeysetSorts.PageAsync<AuditEntry, AuditEntryResponse>(query, NewestFirst, request.Cursor, request.Limit, ids => LoadAsync(db, ids, ct), ct);
    }

    private static async Task<IReadOnlyList<AuditEntryResponse>> LoadAsync(KontorDb db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var actorIds = entries.Values.Where(e => e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        return [.. ids.Where(entries.ContainsKey).Select(id => entries[id]).Select(e => new AuditEntryResponse(
            e.Sequence,
            e.At,
            e.ActorId,
            e.ActorId is { } a && names.TryGetValue(a, out var n) ? UserNames.Of(n.FirstName, n.LastName, n.Email) : null,
            e.ActorKind,
            e.Channel,
            e.Action,
            e.RecordType,
            e.RecordId,
            e.Detail,
            e.PreviousHash,
            e.Hash,
            e.RedactedAt))];
    }
}
