using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads;

internal static class DeleteLead
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (
                Guid id, HttpRequest http, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct) =>
            {
                ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected);
                return await ExecuteAsync(id, expected, db, user, access, clock, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
            })
            .WithName(nameof(DeleteLead))
            .WithSummary("Move a lead to the recycle bin")
            .WithDescription($"Restorable with POST /api/leads/{{id}}/restore for {RecycleBin.RetentionDays} days, then purged. If-Match is optional here.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>False when the lead is not visible.</summary>
    public static async Task<bool> ExecuteAsync(
        Guid id, uint? expectedVersion, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null)
        {
            return false;
        }

        LeadAccess.RequireChange(access, lead, ObjectPermissions.Delete);
        ETags.Check(db, lead, expectedVersion);
        lead.MoveToRecycleBin(user.ActorId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
