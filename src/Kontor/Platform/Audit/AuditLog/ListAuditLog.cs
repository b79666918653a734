using System.Globalization;
using Kontor.Platform.Administration;
using Kontor.Platform.Agreement;
using Kontor.Platform.Agreement.Gate;
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

    /// <summary>Why you look at who acted: one of the works agreement's purposes, where it asks for one before naming people.</summary>
    [MaxChars(40)]
    public string? Purpose { get; set; }
}

/// <summary>
/// One audit entry as the API and the audit log page show it. Who acted is employee data (change history, login
/// history, access log): where the works agreement does not let the reader see it, <c>actorId</c> and
/// <c>actorName</c> are null and <c>actorWithheld</c> is true; the hash still covers the stored entry.
/// <see cref="RedactedAt"/> is set when retention removed its person-identifying fields.
/// </summary>
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
    bool ActorWithheld = false,
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
        group.MapGet("/", ([AsParameters] ListAuditLogRequest request, KontorDb db, CurrentUser user, EmployeeDataGate gate, CancellationToken ct) =>
                ExecuteAsync(request, db, user, gate, ct))
            .WithName(nameof(ListAuditLog))
            .WithSummary("Browse your organisation's audit log, newest first")
            .WithDescription("Keyset-paged: pass nextCursor as cursor for the next page. Filter by action, record type, record id, actor and time range. Administrators only. Who acted is shown where the works agreement lets the caller see that person's change history, login history or access log (purpose: why, where it asks for one); filtering by another person's id needs that for all three.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Page<AuditEntryResponse>> ExecuteAsync(ListAuditLogRequest request, KontorDb db, CurrentUser user, EmployeeDataGate gate, CancellationToken ct)
    {
        AdminAccess.Require(user);
        RequestValidator.ThrowIfInvalid(request);
        var purpose = Normalize.Text(request.Purpose);
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
            // The entries about a user hold their sign-ins: looking them up is looking up the person.
            if (await db.Users.AnyAsync(u => u.Id == recordId, ct))
            {
                await RequirePersonAsync(db, user, gate, recordId, purpose, ct);
            }

            query = query.Where(e => e.RecordId == recordId);
        }

        if (request.Actor is { } actor)
        {
            await RequirePersonAsync(db, user, gate, actor, purpose, ct);
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

        return await KeysetSorts.PageAsync<AuditEntry, AuditEntryResponse>(query, NewestFirst, request.Cursor, request.Limit, ids => LoadAsync(db, user, gate, purpose, ids, ct), ct);
    }

    /// <summary>The entries of one person are their activity: looking them up needs the right to see all of it.</summary>
    private static async Task RequirePersonAsync(KontorDb db, CurrentUser user, EmployeeDataGate gate, Guid person, string? purpose, CancellationToken ct)
    {
        foreach (var category in ActorCategories)
        {
            if (!(await gate.DecideAsync(db, user, category, [person], purpose, ct))[person].IsAllowed)
            {
                throw new ForbiddenException(AdminMessages.Get("The works agreement does not let you look up this person's activity in the audit log."));
            }
        }
    }

    /// <summary>The categories of employee data an entry's actor belongs to, by what the entry records.</summary>
    private static readonly EmployeeDataCategory[] ActorCategories =
        [EmployeeDataCategories.ChangeHistory, EmployeeDataCategories.LoginHistory, EmployeeDataCategories.AccessLog];

    private static EmployeeDataCategory CategoryOf(AuditAction action) =>
        action is AuditAction.Login or AuditAction.LoginFailed or AuditAction.Logout ? EmployeeDataCategories.LoginHistory
        : action == AuditAction.Access ? EmployeeDataCategories.AccessLog
        : EmployeeDataCategories.ChangeHistory;

    private const string UserRecordType = "user";

    /// <summary>A sign-in, failed sign-in or sign-out names the user as its record: the person of the login history.</summary>
    private static bool IsSignIn(AuditEntry entry) =>
        CategoryOf(entry.Action) == EmployeeDataCategories.LoginHistory && entry.RecordType == UserRecordType;

    /// <summary>Whose employee data the entry is: the user who signed in, else who acted.</summary>
    private static Guid? PersonOf(AuditEntry entry) => IsSignIn(entry) ? entry.RecordId : entry.ActorId;

    private static async Task<IReadOnlyList<AuditEntryResponse>> LoadAsync(
        KontorDb db, CurrentUser user, EmployeeDataGate gate, string? purpose, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var visible = new HashSet<(EmployeeDataCategory, Guid)>();
        foreach (var byCategory in entries.Values.Where(e => PersonOf(e) != null).GroupBy(e => CategoryOf(e.Action)))
        {
            var people = byCategory.Select(e => PersonOf(e)!.Value).Distinct().ToList();
            var decisions = await gate.DecideAsync(db, user, byCategory.Key, people, purpose, ct);
            await gate.RecordReadsAsync(db, byCategory.Key, decisions, people, purpose, ct);
            visible.UnionWith(people.Where(p => decisions[p].IsAllowed).Select(p => (byCategory.Key, p)));
        }

        bool Withheld(AuditEntry e) => PersonOf(e) is { } person && !visible.Contains((CategoryOf(e.Action), person));
        var actorIds = entries.Values.Where(e => e.ActorId != null && !Withheld(e)).Select(e => e.ActorId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        return [.. ids.Where(entries.ContainsKey).Select(id => entries[id]).Select(e => new AuditEntryResponse(
            e.Sequence,
            e.At,
            Withheld(e) ? null : e.ActorId,
            !Withheld(e) && e.ActorId is { } a && names.TryGetValue(a, out var n) ? UserNames.Of(n.FirstName, n.LastName, n.Email) : null,
            e.ActorKind,
            e.Channel,
            e.Action,
            e.RecordType,
            Withheld(e) && IsSignIn(e) ? null : e.RecordId,
            e.Detail,
            e.PreviousHash,
            e.Hash,
            Withheld(e),
            e.RedactedAt))];
    }
}
