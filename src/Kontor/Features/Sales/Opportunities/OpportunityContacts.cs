using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>Body of <c>POST /api/opportunities/{id}/contacts</c>.</summary>
public sealed class AddOpportunityContactRequest
{
    /// <summary>A contact of the opportunity's account.</summary>
    public Guid ContactId { get; set; }

    /// <summary>DecisionMaker, EconomicBuyer, Influencer, User or Other.</summary>
    public ContactRole Role { get; set; } = ContactRole.Influencer;
}

internal static class AddOpportunityContact
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/contacts", async Task<Results<Ok<IReadOnlyList<OpportunityContactResponse>>, NotFound>> (
                Guid id, AddOpportunityContactRequest request, KontorDb db, AccessScope access, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, access, clock, ct) is { } contacts ? TypedResults.Ok(contacts) : TypedResults.NotFound())
            .WithName(nameof(AddOpportunityContact))
            .WithSummary("Add a contact to the deal in a role, or change the role of one already in it")
            .WithDescription("The contact must belong to the opportunity's account (400 otherwise). Answers the deal's contacts.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The deal's contacts afterwards; null when the opportunity is not visible.</summary>
    public static async Task<IReadOnlyList<OpportunityContactResponse>?> ExecuteAsync(
        Guid id, AddOpportunityContactRequest request, KontorDb db, AccessScope access, TimeProvider clock, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
        {
            return null;
        }

        access.RequireChange(opportunity, ObjectPermissions.Edit);
        if (!await db.Contacts.AnyAsync(c => c.Id == request.ContactId && c.AccountId == opportunity.AccountId, ct))
        {
            throw RequestValidationException.For("contactId", OpportunityMessages.Get("Choose a contact of the opportunity's account."));
        }

        if (opportunity.Contacts.SingleOrDefault(c => c.ContactId == request.ContactId) is { } existing)
        {
            existing.Change(request.Role);
        }
        else
        {
            opportunity.Contacts.Add(new OpportunityContact(id, request.ContactId, request.Role));
        }

        await db.SaveChangesAsync(ct);
        return (await GetOpportunity.ExecuteAsync(id, db, clock, ct))?.Contacts ?? [];
    }
}

internal static class RemoveOpportunityContact
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}/contacts/{contactId:guid}", async Task<Results<NoContent, NotFound>> (
                Guid id, Guid contactId, KontorDb db, AccessScope access, CancellationToken ct) =>
                await ExecuteAsync(id, contactId, db, access, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(RemoveOpportunityContact))
            .WithSummary("Take a contact out of the deal")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>False when the opportunity is not visible or the contact is not in the deal.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, Guid contactId, KontorDb db, AccessScope access, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Id == id, ct);
        var role = opportunity?.Contacts.SingleOrDefault(c => c.ContactId == contactId);
        if (opportunity is null || role is null)
        {
            return false;
        }

        access.RequireChange(opportunity, ObjectPermissions.Edit);
        opportunity.Contacts.Remove(role);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
