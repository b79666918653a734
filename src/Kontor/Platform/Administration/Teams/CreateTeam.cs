using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Teams;

internal static class CreateTeam
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<TeamResponse>> (TeamRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, ct);
                return TypedResults.Created($"/api/teams/{created.Id}", created);
            })
            .WithName(nameof(CreateTeam))
            .WithSummary("Create a team")
            .WithDescription("Team names are unique within your organisation (400 on name).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the teams page.</summary>
    public static async Task<TeamResponse> ExecuteAsync(TeamRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        await request.ValidateAsync(db, teamId: null, ct);
        var team = request.ToTeam();
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return (await TeamResponse.LoadAsync(db, team.Id, ct))!;
    }
}
