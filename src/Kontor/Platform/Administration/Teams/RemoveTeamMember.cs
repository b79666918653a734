using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Teams;

internal static class RemoveTeamMember
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}/members/{userId:guid}", async Task<Results<NoContent, NotFound>> (
                Guid id, Guid userId, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                await ExecuteAsync(id, userId, db, user, audit, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(RemoveTeamMember))
            .WithSummary("Remove a user from a team")
            .WithDescription("404 when the team does not exist or the user is not a member.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>False when the tenant has no such team or the user is not a member.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, Guid userId, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var membership = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == id && m.UserId == userId, ct);
        if (membership is null)
        {
            return false;
        }

        db.TeamMembers.Remove(membership);
        audit.Record(db, AuditAction.PermissionChange, new RecordRef("team", id), new { change = "member-removed", userId });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
