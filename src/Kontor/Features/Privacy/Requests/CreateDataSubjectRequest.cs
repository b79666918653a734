using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Privacy.Requests;

/// <summary>Body of <c>POST /api/privacy/requests</c>; also the form of the new-request dialog.</summary>
public sealed class CreateDataSubjectRequestRequest
{
    /// <summary><c>contact</c>, <c>lead</c> or <c>employee</c>.</summary>
    [Mandatory]
    [MaxChars(40)]
    public string? SubjectType { get; set; }

    [Mandatory]
    public Guid? SubjectId { get; set; }

    [Mandatory]
    public DataSubjectRequestKind? Kind { get; set; }

    public DataSubjectRequestChannel? Channel { get; set; }

    /// <summary>When the request reached the organisation; the period runs from here. Defaults to now; never in the future.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }
}

internal static class CreateDataSubjectRequest
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<DataSubjectRequestResponse>> (
                CreateDataSubjectRequestRequest request, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, audit, clock, ct);
                return TypedResults.Created($"/api/privacy/requests/{created.Id}", created);
            })
            .WithName(nameof(CreateDataSubjectRequest))
            .WithSummary("Record a data-subject request")
            .WithDescription("Administrators only. The answer is due one month after receipt (GDPR Art. 12(3)). The subject is a contact, a lead or an employee (user id) of your organisation.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotency();

    public static async Task<DataSubjectRequestResponse> ExecuteAsync(
        CreateDataSubjectRequestRequest request, KontorDb db, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        PrivacyAccess.RequireChange(user);
        RequestValidator.ThrowIfInvalid(request);
        var now = clock.GetUtcNow();
        if (!DataSubjects.IsKnown(request.SubjectType))
        {
            throw RequestValidationException.For("subjectType", PrivacyText.Message("Choose contact, lead or employee."));
        }

        var subject = new RecordRef(request.SubjectType!, request.SubjectId!.Value);
        if (!await DataSubjects.ExistsAsync(db, subject, ct))
        {
            throw RequestValidationException.For("subjectId", PrivacyText.Message("There is no such person in your organisation."));
        }

        if (request.ReceivedAt > now)
        {
            throw RequestValidationException.For("receivedAt", PrivacyText.Message("The date of receipt cannot be in the future."));
        }

        var entity = new DataSubjectRequest(subject, request.Kind!.Value, request.Channel ?? DataSubjectRequestChannel.Other, request.ReceivedAt ?? now, user.ActorId, now);
        db.Add(entity);
        audit.Record(db, AuditAction.Create, PrivacyAudit.Request(entity.Id), new { kind = entity.Kind.ToString(), subjectType = subject.Type, subjectId = subject.Id });
        await db.SaveChangesAsync(ct);
        return (await DataSubjectRequestResponse.LoadAsync(db, entity.Id, now, ct))!;
    }
}
