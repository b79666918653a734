using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Sales.Targets;

internal static class DeleteTarget
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, KontorDb db, SalesFigures figures, CancellationToken ct) =>
                await ExecuteAsync(id, db, figures, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(DeleteTarget))
            .WithSummary("Remove a target")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the targets page. False when there is no such target or the caller may not see it.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, KontorDb db, SalesFigures figures, CancellationToken ct)
    {
        if (await TargetReads.FindForChangeAsync(id, db, figures, ct) is not { } target)
        {
            return false;
        }

        db.SalesTargets.Remove(target);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
