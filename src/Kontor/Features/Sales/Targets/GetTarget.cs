using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Targets;

internal static class GetTarget
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<TargetResponse>, NotFound>> (Guid id, KontorDb db, SalesFigures figures, CancellationToken ct) =>
                await ExecuteAsync(id, db, figures, ct) is { } target ? TypedResults.Ok(target) : TypedResults.NotFound())
            .WithName(nameof(GetTarget))
            .WithSummary("One target with its actual and attainment");

    /// <summary>Null when there is no such target or the caller may not see its subject's figures.</summary>
    public static async Task<TargetResponse?> ExecuteAsync(Guid id, KontorDb db, SalesFigures figures, CancellationToken ct)
    {
        var target = await db.SalesTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return null;
        }

        try
        {
            return await TargetReads.DescribeAsync(target, figures, ct);
        }
        catch (ForbiddenException)
        {
            // Whose targets exist is itself a figure about people: an unreadable one is answered like a missing one.
            return null;
        }
    }
}
