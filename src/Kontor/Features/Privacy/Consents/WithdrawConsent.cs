using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy.Consents;

/// <summary>Body of <c>POST /api/contacts/{id}/consents/{purpose}/withdraw</c>; may be empty.</summary>
public sealed class WithdrawConsentRequest
{
    /// <summary>How the withdrawal arrived; the channel of the call (UI or API) when absent.</summary>
    public ConsentSource? Source { get; set; }
}

internal static class WithdrawConsent
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/consents/{purpose}/withdraw", async Task<Results<Ok<ConsentResponse>, NotFound>> (
                Guid id, string purpose, WithdrawConsentRequest? request, KontorDb db, CurrentUser user, AccessScope access, ConsentServices services, CancellationToken ct) =>
                await ExecuteAsync(id, purpose, request ?? new(), db, user, access, services, ct) is { } withdrawn ? TypedResults.Ok(withdrawn) : TypedResults.NotFound())
            .WithName(nameof(WithdrawConsent))
            .WithSummary("Withdraw a contact's consent for a purpose")
            .WithDescription("Withdraws the current (granted or requested) consent; the row stays as history. Needs edit permission on the contact. 409 when nothing is granted or requested for the purpose.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<ConsentResponse?> ExecuteAsync(
        Guid contactId, string purpose, WithdrawConsentRequest request, KontorDb db, CurrentUser user, AccessScope access, ConsentServices services, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return null;
        }

        access.RequireChange(contact, ObjectPermissions.Edit);
        var current = await RecordConsent.CurrentAsync(db, contactId, purpose, ct)
            ?? throw new BusinessRuleException(PrivacyText.Message("Nothing is granted or requested for this purpose."));
        current.Withdraw(user.ActorId, request.Source ?? (user.Channel == Channel.Ui ? ConsentSource.Ui : ConsentSource.Api), services.Clock.GetUtcNow());
        services.Audit.Record(db, AuditAction.Withdraw, new RecordRef(PrivacyAudit.ConsentType, current.Id), new { contactId, purpose = current.Purpose });
        await db.SaveChangesAsync(ct);
        return (await ConsentResponse.ListAsync(db, contactId, ct)).First(c => c.Id == current.Id);
    }
}
