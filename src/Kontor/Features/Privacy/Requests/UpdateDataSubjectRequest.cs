using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy.Requests;

/// <summary>Body of <c>POST /api/privacy/requests/{id}/status</c>.</summary>
public sealed class SetDataSubjectRequestStatusRequest
{
    [Mandatory]
    public DataSubjectRequestStatus? Status { get; set; }

    /// <summary>Required when refusing: why (told to the person).</summary>
    [MaxChars(DataSubjectRequest.MaxReasonLength)]
    public string? Reason { get; set; }
}

/// <summary>Body of <c>POST /api/privacy/requests/{id}/extension</c>.</summary>
public sealed class ExtendDataSubjectRequestRequest
{
    /// <summary>1 or 2; at most two further months in total.</summary>
    [Mandatory]
    public int? Months { get; set; }

    [Mandatory]
    [MaxChars(DataSubjectRequest.MaxReasonLength)]
    public string? Reason { get; set; }
}

internal static class UpdateDataSubjectRequest
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/status", async Task<Results<Ok<DataSubjectRequestResponse>, NotFound>> (
                Guid id, SetDataSubjectRequestStatusRequest request, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
                await SetStatusAsync(id, request, db, user, audit, clock, ct) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound())
            .WithName("SetDataSubjectRequestStatus")
            .WithSummary("Move a data-subject request on: in progress, completed, or refused with a reason")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/extension", async Task<Results<Ok<DataSubjectRequestResponse>, NotFound>> (
                Guid id, ExtendDataSubjectRequestRequest request, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
                await ExtendAsync(id, request, db, user, audit, clock, ct) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound())
            .WithName("ExtendDataSubjectRequest")
            .WithSummary("Extend the answer period by up to two further months, with the reason (Art. 12(3))")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<DataSubjectRequestResponse?> SetStatusAsync(
        Guid id, SetDataSubjectRequestStatusRequest request, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        PrivacyAccess.RequireChange(user);
        RequestValidator.ThrowIfInvalid(request);
        var entity = await db.Set<DataSubjectRequest>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (entity is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        entity.SetStatus(request.Status!.Value, request.Reason, user.ActorId, now);
        audit.Record(db, AuditAction.Update, PrivacyAudit.Request(entity.Id), new { status = entity.Status.ToString() });
        await db.SaveChangesAsync(ct);
        return await DataSubjectRequestResponse.LoadAsync(db, id, now, ct);
    }

    public static async Task<DataSubjectRequestResponse?> ExtendAsync(
        Guid id, ExtendDataSubjectRequestRequest request, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        PrivacyAccess.RequireChange(user);
        RequestValidator.ThrowIfInvalid(request);
        var entity = await db.Set<DataSubjectRequest>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (entity is null)
        {
            return null;
        }

        entity.Extend(request.Months!.Value, request.Reason!, user.ActorId);
        audit.Record(db, AuditAction.Update, PrivacyAudit.Request(entity.Id), new { extensionMonths = entity.ExtensionMonths });
        await db.SaveChangesAsync(ct);
        return await DataSubjectRequestResponse.LoadAsync(db, id, clock.GetUtcNow(), ct);
    }
}
