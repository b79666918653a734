using System.Text.Json.Nodes;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Teams;

internal static class UpdateTeam
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}", async Task<Results<Ok<TeamResponse>, NotFound>> (
                Guid id, JsonObject patch, HttpRequest http, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (team is null)
                {
                    return TypedResults.NotFound();
                }

                var request = JsonMergePatch.Apply(TeamRequest.From(team), patch, http.HttpContext.RequestServices.SerializerOptions());
                return await ExecuteAsync(id, request, db, user, ct) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound();
            })
            .WithName(nameof(UpdateTeam))
            .WithSummary("Rename or change a team")
            .WithDescription("A JSON merge patch (RFC 7396) of name, kind, siteId and description. Team names are unique within your organisation (400 on name).")
            .Accepts<TeamRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the tenant has no team with this id.</summary>
    public static async Task<TeamResponse?> ExecuteAsync(Guid id, TeamRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return null;
        }

        await request.ValidateAsync(db, id, ct);
        request.ApplyTo(team);
        await db.SaveChangesAsync(ct);
        return await TeamResponse.LoadAsync(db, id, ct);
    }
}
