using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Segments;

internal static class DeleteSegment
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(DeleteSegment))
            .WithSummary("Delete a customer segment")
            .WithDescription("Administrators only. Accounts keep the segment's name and their inside-sales team; new accounts of that segment no longer get a team from it.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>False when the tenant has no segment with this id.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var segment = await db.Segments.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null)
        {
            return false;
        }

        db.Segments.Remove(segment);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
