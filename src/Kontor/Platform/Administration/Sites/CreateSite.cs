using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Sites;

internal static class CreateSite
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<SiteResponse>> (SiteRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, ct);
                return TypedResults.Created($"/api/sites/{created.Id}", created);
            })
            .WithName(nameof(CreateSite))
            .WithSummary("Create a site")
            .WithDescription("Names are unique within your organisation; the country is an ISO 3166 code, the time zone an IANA id such as Europe/Berlin.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the sites page.</summary>
    public static async Task<SiteResponse> ExecuteAsync(SiteRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        await request.ValidateAsync(db, siteId: null, ct);
        var site = request.ToSite();
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        return (await SiteResponse.LoadAsync(db, site.Id, ct))!;
    }
}
