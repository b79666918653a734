using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Sites;

internal static class ListSites
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(db, user, ct))
            .WithName(nameof(ListSites))
            .WithSummary("List the sites of your organisation")
            .WithDescription("Sorted by name, with the number of users and teams at each site.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<List<SiteResponse>> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        return await SiteResponse.Project(db.Sites.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id), db).ToListAsync(ct);
    }
}
