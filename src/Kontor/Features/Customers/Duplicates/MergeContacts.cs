using Kontor.Features.Customers.Contacts;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Duplicates;

internal static class MergeContacts
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/merge", async Task<Results<Ok<ContactResponse>, NotFound, ProblemHttpResult>> (
                Guid id, MergeRequest request, HttpRequest http, KontorDb db, CurrentUser user, AccessScope access,
                IEnumerable<IRecordMergeParticipant> participants, TimeProvider clock, CancellationToken ct) =>
            {
                if (!ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected))
                {
                    return ETags.MissingIfMatch();
                }

                var survivor = await ExecuteAsync(id, request, expected, db, user, access, participants, clock, ct);
                if (survivor is null)
                {
                    return TypedResults.NotFound();
                }

                http.HttpContext.Response.Headers.ETag = survivor.ETag;
                return TypedResults.Ok(survivor);
            })
            .WithName(nameof(MergeContacts))
            .WithSummary("Merge another contact into this one")
            .WithDescription(
                "In one transaction: the chosen field values are applied to this contact (the survivor), the merged contact's activities and history " +
                "move to it, and the merged contact goes to the recycle bin marked as merged (it cannot be restored). Both contacts must be visible (404) " +
                "and changeable (403); requires If-Match with the survivor's ETag (428, 412).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>
    /// Shared by the endpoint and the merge dialog. Null when either contact is not visible;
    /// <paramref name="expectedVersion"/> is the survivor's, null for any.
    /// </summary>
    public static async Task<ContactResponse?> ExecuteAsync(
        Guid survivorId,
        MergeRequest request,
        uint? expectedVersion,
        KontorDb db,
        CurrentUser user,
        AccessScope access,
        IEnumerable<IRecordMergeParticipant> participants,
        TimeProvider clock,
        CancellationToken ct)
    {
        MergeFields.Validate<ContactRequest>(request, survivorId);
        var survivor = await db.Contacts.SingleOrDefaultAsync(c => c.Id == survivorId, ct);
        var merged = await db.Contacts.SingleOrDefaultAsync(c => c.Id == request.MergedId, ct);
        if (survivor is null || merged is null)
        {
            return null;
        }

        access.RequireChange(survivor, ObjectPermissions.Edit);
        access.RequireChange(merged, ObjectPermissions.Delete);
        ETags.Check(db, survivor, expectedVersion);
        var combined = MergeFields.Combine(ContactRequest.From(survivor), ContactRequest.From(merged), request.FieldChoices);
        var fields = await combined.ResolveAsync(survivor, db, user, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        survivor.Apply(fields);
        merged.MarkMergedInto(survivor.Id, user.ActorId, clock.GetUtcNow());
        var from = new RecordRef(Contact.SecuredObject.Key, merged.Id);
        var to = new RecordRef(Contact.SecuredObject.Key, survivor.Id);
        foreach (var participant in participants)
        {
            await participant.MoveAsync(db, from, to, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetContact.ExecuteAsync(survivor.Id, db, ct) ?? ContactResponse.Describe(survivor);
    }
}
