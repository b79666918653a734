using System.Globalization;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.UpsellSignals;

internal static class DecideUpsellSignal
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/accept", async Task<Results<Ok<UpsellSignalResponse>, NotFound>> (Guid id, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                Answer(await ExecuteAsync(id, UpsellSignalStatus.Accepted, null, db, user, clock, ct)))
            .WithName("AcceptUpsellSignal")
            .WithSummary("The field owner accepts the signal and works the opportunity")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/convert", async Task<Results<Ok<UpsellSignalResponse>, NotFound>> (Guid id, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                Answer(await ExecuteAsync(id, UpsellSignalStatus.Converted, null, db, user, clock, ct)))
            .WithName("ConvertUpsellSignal")
            .WithSummary("The field owner records that the signal turned into business")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reject", async Task<Results<Ok<UpsellSignalResponse>, NotFound>> (
                Guid id, RejectUpsellSignalRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                RequestValidator.ThrowIfInvalid(request);
                return Answer(await ExecuteAsync(id, UpsellSignalStatus.Rejected, request.Reason.Trim(), db, user, clock, ct));
            })
            .WithName("RejectUpsellSignal")
            .WithSummary("The field owner turns the signal down with a reason; the opportunity closes as lost with that reason")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// Shared by the endpoints and the "My signals" page. Null when the signal is not visible. Only the owner (or an
    /// administrator) decides; a converted or rejected signal is final. The owner's follow-up task is completed.
    /// </summary>
    public static async Task<UpsellSignalResponse?> ExecuteAsync(
        Guid id, UpsellSignalStatus decision, string? reason, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var signal = await UpsellSignalReads.Visible(db, user).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (signal is null)
        {
            return null;
        }

        if (signal.OwnerId != user.Id && !user.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only the account's field owner decides on an upsell signal.");
        }

        if (signal.Status is UpsellSignalStatus.Converted or UpsellSignalStatus.Rejected)
        {
            throw new BusinessRuleException(SalesMessages.Forecast("The signal is already {0}.", SalesMessages.Forecast(signal.Status.ToString()).ToLower(CultureInfo.CurrentCulture)));
        }

        if (decision == UpsellSignalStatus.Rejected && string.IsNullOrWhiteSpace(reason))
        {
            throw RequestValidationException.For("reason", "Say why the signal is rejected.");
        }

        var now = clock.GetUtcNow();
        signal.Decide(decision, reason, user.ActorId, now);
        if (await db.Activities.OfType<TaskItem>().SingleOrDefaultAsync(t => t.Id == signal.TaskId, ct) is { } task && !TaskItem.IsClosed(task.Status))
        {
            task.Complete(now);
        }

        if (decision == UpsellSignalStatus.Rejected)
        {
            await CloseAsLostAsync(signal.OpportunityId, reason!, db, user, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return (await UpsellSignalReads.DescribeAsync(db, [signal], ct))[0];
    }

    private static async Task CloseAsLostAsync(Guid opportunityId, string reason, KontorDb db, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.Include(o => o.StageHistory).SingleOrDefaultAsync(o => o.Id == opportunityId, ct);
        if (opportunity is not { Outcome: StageOutcome.Open })
        {
            return;
        }

        var lost = (await db.Pipelines.SingleAsync(p => p.Id == opportunity.PipelineId, ct)).Stages
            .Where(s => s.Outcome == StageOutcome.Lost).OrderBy(s => s.Order).FirstOrDefault();
        if (lost is null)
        {
            return;
        }

        var o = opportunity;
        o.Apply(new OpportunityFields(o.Name, o.AccountId, o.OwnerId, o.InsideSalesTeamId, o.Amount, o.Currency, o.CloseDate, o.NextStep, o.LeadSource, o.Competitors, reason, o.Description));
        o.MoveTo(lost, user.ActorId, now);
    }

    private static Results<Ok<UpsellSignalResponse>, NotFound> Answer(UpsellSignalResponse? signal) =>
        signal is null ? TypedResults.NotFound() : TypedResults.Ok(signal);
}
