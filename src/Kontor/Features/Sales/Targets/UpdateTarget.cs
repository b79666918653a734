using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Targets;

internal static class UpdateTarget
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Results<Ok<TargetResponse>, NotFound>> (
                Guid id, UpdateTargetRequest request, KontorDb db, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, figures, user, clock, ct) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound())
            .WithName(nameof(UpdateTarget))
            .WithSummary("Change a target's amount or currency")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Shared by the endpoint and the targets page. Null when there is no such target or the caller may not see it.</summary>
    public static async Task<TargetResponse?> ExecuteAsync(
        Guid id, UpdateTargetRequest request, KontorDb db, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        if (await TargetReads.FindForChangeAsync(id, db, figures, ct) is not { } target)
        {
            return null;
        }

        if (request.Currency != target.Currency
            && await db.SalesTargets.AnyAsync(t => t.Id != id && t.Period == target.Period && t.SubjectKind == target.SubjectKind && t.SubjectId == target.SubjectId && t.Currency == request.Currency, ct))
        {
            throw new BusinessRuleException(SalesMessages.Forecast("There is already a target for {0} in {1}.", target.Period, request.Currency));
        }

        target.Change(request.Amount!.Value, request.Currency, user.ActorId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await TargetReads.DescribeAsync(target, figures, ct);
    }
}
