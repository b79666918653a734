using Kontor.Platform.Administration;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Retention.Holds;

/// <summary>A legal hold as the API returns it.</summary>
public sealed record LegalHoldResponse(
    Guid Id,
    string RecordType,
    Guid RecordId,
    string Reason,
    bool InForce,
    DateTimeOffset PlacedAt,
    Guid? PlacedBy,
    string? PlacedByName,
    DateTimeOffset? ReleasedAt,
    Guid? ReleasedBy,
    string? ReleasedByName)
{
    internal static async Task<IReadOnlyList<LegalHoldResponse>> LoadAsync(KontorDb db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var holds = await db.LegalHolds.AsNoTracking().Where(h => list.Contains(h.Id)).ToListAsync(ct);
        var names = await UserNames.LoadAsync(db, holds.SelectMany(h => new[] { h.PlacedBy, h.ReleasedBy }).OfType<Guid>(), ct);
        var byId = holds.ToDictionary(h => h.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(h => new LegalHoldResponse(
            h.Id, h.RecordType, h.RecordId, h.Reason, h.InForce, h.PlacedAt, h.PlacedBy,
            h.PlacedBy is { } placer ? names.GetValueOrDefault(placer) : null,
            h.ReleasedAt, h.ReleasedBy,
            h.ReleasedBy is { } releaser ? names.GetValueOrDefault(releaser) : null))];
    }
}

/// <summary>Body of <c>POST /api/legal-holds</c>; also the model of the "Place legal hold" form.</summary>
public sealed class PlaceLegalHoldRequest
{
    /// <summary>The record's type: <c>account</c>, <c>contact</c>, <c>lead</c>, <c>opportunity</c>, <c>user</c> …</summary>
    [Mandatory, MaxChars(40)]
    public string? RecordType { get; set; }

    [Mandatory]
    public Guid? RecordId { get; set; }

    /// <summary>Why the record is held (case number, authority's request); required.</summary>
    [Mandatory, MaxChars(LegalHoldConfiguration.MaxReasonLength)]
    public string? Reason { get; set; }
}

/// <summary>Query of <c>GET /api/legal-holds</c>.</summary>
public sealed class ListLegalHoldsRequest
{
    /// <summary>Only holds on records of this type.</summary>
    [MaxChars(40)]
    public string? RecordType { get; set; }

    /// <summary>Only holds on this record.</summary>
    public Guid? RecordId { get; set; }

    /// <summary>Only holds in force (true) or only released ones (false).</summary>
    public bool? InForce { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class PlaceLegalHold
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<LegalHoldResponse>> (PlaceLegalHoldRequest request, KontorDb db, CurrentUser user, TimeProvider clock, AuditTrail audit, CancellationToken ct) =>
            {
                var hold = await ExecuteAsync(request, db, user, clock, audit, ct);
                return TypedResults.Created($"/api/legal-holds/{hold.Id}", hold);
            })
            .WithName(nameof(PlaceLegalHold))
            .WithSummary("Place a legal hold on a record")
            .WithDescription("While the hold is in force, neither retention nor erasure removes the record or what hangs on it, also in the recycle bin. The record must exist (it may be in the recycle bin). Administrators only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the legal holds page.</summary>
    public static async Task<LegalHoldResponse> ExecuteAsync(PlaceLegalHoldRequest request, KontorDb db, CurrentUser user, TimeProvider clock, AuditTrail audit, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var errors = RequestValidator.Validate(request);
        var type = Normalize.Text(request.RecordType);
        if (!errors.ContainsKey("recordType") && type is not null && !HeldRecords.Types(db).Contains(type))
        {
            errors["recordType"] = [RetentionText.Format("Choose one of: {0}.", string.Join(", ", HeldRecords.Types(db)))];
        }

        if (request.RecordId == Guid.Empty)
        {
            errors["recordId"] = [RetentionText.Message("Enter the id of the record.")];
        }

        if (errors.Count == 0 && !await HeldRecords.ExistsAsync(db, type!, request.RecordId!.Value, ct))
        {
            errors["recordId"] = [RetentionText.Message("There is no record of this type with this id that you can see.")];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var hold = new LegalHold(type!, request.RecordId!.Value, request.Reason!.Trim(), user.ActorId, clock.GetUtcNow());
        db.LegalHolds.Add(hold);

        // The reason may name people or cases: the audit entry holds the hold's id only.
        audit.Record(db, AuditAction.Hold, new RecordRef(hold.RecordType, hold.RecordId), new { hold = hold.Id });
        await db.SaveChangesAsync(ct);
        return (await LegalHoldResponse.LoadAsync(db, [hold.Id], ct))[0];
    }
}

internal static class ListLegalHolds
{
    private static readonly KeysetSort<LegalHold> NewestFirst = KeysetSorts.Time<LegalHold>("-placedAt", h => h.PlacedAt);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListLegalHoldsRequest request, KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(request, db, user, ct))
            .WithName(nameof(ListLegalHolds))
            .WithSummary("List legal holds")
            .WithDescription("Newest first, keyset-paged; filter by record type, record and whether the hold is in force. Administrators only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Task<Page<LegalHoldResponse>> ExecuteAsync(ListLegalHoldsRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        RequestValidator.ThrowIfInvalid(request);
        var holds = db.LegalHolds.AsNoTracking();
        if (Normalize.Text(request.RecordType) is { } type)
        {
            holds = holds.Where(h => h.RecordType == type);
        }

        if (request.RecordId is { } recordId)
        {
            holds = holds.Where(h => h.RecordId == recordId);
        }

        if (request.InForce is { } inForce)
        {
            holds = inForce ? holds.Where(h => h.ReleasedAt == null) : holds.Where(h => h.ReleasedAt != null);
        }

        return KeysetSorts.PageAsync(holds, NewestFirst, request.Cursor, request.Limit, ids => LegalHoldResponse.LoadAsync(db, ids, ct), ct);
    }
}

internal static class ReleaseLegalHold
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/release", async Task<Results<Ok<LegalHoldResponse>, NotFound>> (Guid id, KontorDb db, CurrentUser user, TimeProvider clock, AuditTrail audit, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, clock, audit, ct) is { } hold ? TypedResults.Ok(hold) : TypedResults.NotFound())
            .WithName(nameof(ReleaseLegalHold))
            .WithSummary("Release a legal hold")
            .WithDescription("The record is subject to retention and erasure again from the next run. 409 when the hold was already released. Administrators only.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Shared by the endpoint and the legal holds page; null when the tenant has no hold with this id.</summary>
    public static async Task<LegalHoldResponse?> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, TimeProvider clock, AuditTrail audit, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var hold = await db.LegalHolds.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hold is null)
        {
            return null;
        }

        if (!hold.InForce)
        {
            throw new BusinessRuleException(RetentionText.Message("This legal hold was already released."));
        }

        hold.Release(user.ActorId, clock.GetUtcNow());
        audit.Record(db, AuditAction.Release, new RecordRef(hold.RecordType, hold.RecordId), new { hold = hold.Id });
        await db.SaveChangesAsync(ct);
        return (await LegalHoldResponse.LoadAsync(db, [hold.Id], ct))[0];
    }
}
