using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Teams;

/// <summary>Body of <c>POST /api/teams/{id}/members</c>.</summary>
public sealed class AddTeamMemberRequest
{
    public Guid UserId { get; set; }
}

internal static class AddTeamMember
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/members", async Task<Results<Created<TeamResponse>, NotFound>> (
                Guid id, AddTeamMemberRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, user, audit, ct) is { } team
                    ? TypedResults.Created($"/api/teams/{id}/members/{request.UserId}", team)
                    : TypedResults.NotFound())
            .WithName(nameof(AddTeamMember))
            .WithSummary("Add a user to a team")
            .WithDescription("Team members see the records each of them owns from their next request on. Answers with the team and its members; 409 when the user is a member already.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when the tenant has no team with this id.</summary>
    public static async Task<TeamResponse?> ExecuteAsync(Guid id, AddTeamMemberRequest request, KontorDb db, CurrentUser user, AuditTrail audit, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        if (!await db.Teams.AnyAsync(t => t.Id == id, ct))
        {
            return null;
        }

        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, ct))
        {
            throw RequestValidationException.For("userId", ValidationMessages.UnknownUser);
        }

        if (await db.TeamMembers.AnyAsync(m => m.TeamId == id && m.UserId == request.UserId, ct))
        {
            throw new BusinessRuleException(AdminMessages.Get("The user is already a member of this team."));
        }

        db.TeamMembers.Add(new TeamMember(id, request.UserId));
        audit.Record(db, AuditAction.PermissionChange, new RecordRef("team", id), new { change = "member-added", userId = request.UserId });
        await db.SaveChangesAsync(ct);
        return await TeamResponse.LoadAsync(db, id, ct);
    }
}
