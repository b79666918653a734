using System.Text.Json.Nodes;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

internal static class UpdateOpportunity
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}", (
                Guid id, JsonObject patch, HttpRequest http, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct) =>
            JsonMergePatch.PatchVersionedAsync(
                http,
                patch,
                async () => await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } stored ? OpportunityRequest.From(stored) : null,
                (request, expected) => ExecuteAsync(id, request, expected, db, user, access, clock, ct)))
            .WithName(nameof(UpdateOpportunity))
            .WithSummary("Change an opportunity")
            .WithDescription("A JSON merge patch (RFC 7396): send only the fields to change, null to clear one. Requires If-Match with the ETag from GET: 428 without it, 412 when the opportunity changed since. A changed stageId moves the opportunity with the checks of POST /api/opportunities/{id}/stage (409 when the stage's required fields are empty after the patch). While the opportunity has products its amount is their total and its currency theirs: changing either is answered with 409.")
            .Accepts<OpportunityRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Shared by the endpoint and the opportunity form. Null when the opportunity is not visible; <paramref name="expectedVersion"/> null means "whatever is stored".</summary>
    public static async Task<OpportunityResponse?> ExecuteAsync(
        Guid id, OpportunityRequest request, uint? expectedVersion, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.Include(o => o.StageHistory).Include(o => o.Contacts).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
        {
            return null;
        }

        access.RequireChange(opportunity, ObjectPermissions.Edit);
        ETags.Check(db, opportunity, expectedVersion);
        var resolved = await request.ResolveAsync(opportunity, db, user, ct);
        OpportunityProductLines.RequireConsistent(opportunity, resolved.Fields, await db.OpportunityProducts.AnyAsync(l => l.OpportunityId == id, ct));
        if (resolved.Fields.AccountId != opportunity.AccountId)
        {
            // Contacts in a deal belong to its account; with another account they no longer take part.
            opportunity.Contacts.Clear();
        }

        opportunity.Apply(resolved.Fields);
        if (resolved.Stage.Id != opportunity.StageId)
        {
            StageRequirements.Require(opportunity, resolved.Stage);
            opportunity.MoveTo(resolved.Stage, user.ActorId, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return await GetOpportunity.ExecuteAsync(id, db, clock, ct) ?? OpportunityResponse.Describe(opportunity);
    }
}
