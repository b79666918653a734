using System.Text.Json.Nodes;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Sites;

internal static class UpdateSite
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}", async Task<Results<Ok<SiteResponse>, NotFound>> (
                Guid id, JsonObject patch, HttpRequest http, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
                if (site is null)
                {
                    return TypedResults.NotFound();
                }

                var request = JsonMergePatch.Apply(SiteRequest.From(site), patch, http.HttpContext.RequestServices.SerializerOptions());
                return await ExecuteAsync(id, request, db, user, ct) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound();
            })
            .WithName(nameof(UpdateSite))
            .WithSummary("Change a site")
            .WithDescription("A JSON merge patch (RFC 7396) of name, city, country and timeZone.")
            .Accepts<SiteRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the tenant has no site with this id.</summary>
    public static async Task<SiteResponse?> ExecuteAsync(Guid id, SiteRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return null;
        }

        await request.ValidateAsync(db, id, ct);
        request.ApplyTo(site);
        await db.SaveChangesAsync(ct);
        return await SiteResponse.LoadAsync(db, id, ct);
    }
}
