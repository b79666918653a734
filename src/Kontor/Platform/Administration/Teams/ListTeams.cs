using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Teams;

internal static class ListTeams
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(db, user, ct))
            .WithName(nameof(ListTeams))
            .WithSummary("List the teams of your organisation")
            .WithDescription("Sorted by name, with member counts. Organisations have tens of teams, so the list is not paged.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<List<TeamResponse>> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        return await TeamResponse.Project(db.Teams.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id), db).ToListAsync(ct);
    }
}
