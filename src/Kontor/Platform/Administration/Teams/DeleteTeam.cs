using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Teams;

internal static class DeleteTeam
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, audit, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(DeleteTeam))
            .WithSummary("Delete a team")
            .WithDescription("The memberships end and accounts the team looked after no longer name an inside-sales team. Members then no longer see each other's records through this team.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>False when the tenant has no team with this id.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return false;
        }

        // The database removes the memberships and clears the accounts' team (cascade and set-null keys).
        db.Teams.Remove(team);
        audit.Record(db, AuditAction.PermissionChange, new RecordRef("team", id), new { change = "team-deleted" });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
