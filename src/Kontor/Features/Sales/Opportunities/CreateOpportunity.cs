using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Sales.Opportunities;

internal static class CreateOpportunity
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<OpportunityResponse>> (
                OpportunityRequest request, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, access, clock, ct);
                response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/opportunities/{created.Id}", created);
            })
            .WithName(nameof(CreateOpportunity))
            .WithSummary("Open an opportunity for an account")
            .WithDescription("Owner and inside-sales team default to the account's, the currency to the tenant's, the pipeline to the default pipeline and the stage to its first open stage. A stage given must have its required fields filled (409 otherwise).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotency();

    /// <summary>Shared by the endpoint, the opportunity form and lead conversion.</summary>
    public static async Task<OpportunityResponse> ExecuteAsync(
        OpportunityRequest request, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct)
    {
        access.Require(Opportunity.SecuredObject, ObjectPermissions.Create);
        var resolved = await request.ResolveAsync(stored: null, db, user, ct);
        var opportunity = new Opportunity(resolved.Fields, resolved.Pipeline, resolved.Stage, user.ActorId, clock.GetUtcNow());
        StageRequirements.Require(opportunity, resolved.Stage);
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(ct);

        // The deal may go to an owner and team whose records the creator cannot see; the answer still describes it.
        return await GetOpportunity.ExecuteAsync(opportunity.Id, db, clock, ct) ?? OpportunityResponse.Describe(opportunity);
    }
}
