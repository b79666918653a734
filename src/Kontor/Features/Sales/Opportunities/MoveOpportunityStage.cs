using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>Body of <c>POST /api/opportunities/{id}/stage</c>; also what the board sends when a card is dropped.</summary>
public sealed class MoveOpportunityStageRequest
{
    /// <summary>A stage of the opportunity's pipeline.</summary>
    public Guid StageId { get; set; }

    /// <summary>Why the deal was lost; required (here or already on the opportunity) to move it to a lost stage.</summary>
    [MaxChars(200)]
    public string? LossReason { get; set; }
}

internal static class MoveOpportunityStage
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/stage", async Task<Results<Ok<OpportunityResponse>, NotFound>> (
                Guid id, MoveOpportunityStageRequest request, HttpRequest http, HttpResponse response, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct) =>
            {
                ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected);
                var moved = await ExecuteAsync(id, request, expected, db, user, access, clock, ct);
                if (moved is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = moved.ETag;
                return TypedResults.Ok(moved);
            })
            .WithName(nameof(MoveOpportunityStage))
            .WithSummary("Move an opportunity to another stage of its pipeline")
            .WithDescription("Enforces the target stage's required fields: 409 with a readable title naming the missing fields, errors per field and missingFields. A lost stage needs a loss reason. Probability and forecast category follow the stage; a won or lost stage sets closedAt. The stage history gets a row. If-Match is optional here.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Shared by the endpoint, the board and the detail page. Null when the opportunity is not visible.</summary>
    public static async Task<OpportunityResponse?> ExecuteAsync(
        Guid id, MoveOpportunityStageRequest request, uint? expectedVersion, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var opportunity = await db.Opportunities.Include(o => o.StageHistory).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
        {
            return null;
        }

        access.RequireChange(opportunity, ObjectPermissions.Edit);
        ETags.Check(db, opportunity, expectedVersion);
        var stage = await db.PipelineStages.SingleOrDefaultAsync(s => s.Id == request.StageId && s.PipelineId == opportunity.PipelineId, ct)
            ?? throw RequestValidationException.For("stageId", OpportunityMessages.Get("Choose a stage of the opportunity's pipeline."));
        if (Normalize.Text(request.LossReason) is { } lossReason)
        {
            opportunity.Apply(FieldsOf(opportunity) with { LossReason = lossReason });
        }

        if (stage.Id != opportunity.StageId)
        {
            StageRequirements.Require(opportunity, stage);
            opportunity.MoveTo(stage, user.ActorId, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return await GetOpportunity.ExecuteAsync(id, db, clock, ct) ?? OpportunityResponse.Describe(opportunity);
    }

    private static OpportunityFields FieldsOf(Opportunity o) => new(
        o.Name, o.AccountId, o.OwnerId, o.InsideSalesTeamId, o.Amount, o.Currency, o.CloseDate, o.NextStep, o.LeadSource, o.Competitors, o.LossReason, o.Description);
}
