using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Sites;

internal static class DeleteSite
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(DeleteSite))
            .WithSummary("Delete a site")
            .WithDescription("Users and teams of the site stay; they no longer name a site.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>False when the tenant has no site with this id.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return false;
        }

        // The database clears the site of its users and teams (set-null keys).
        db.Sites.Remove(site);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
