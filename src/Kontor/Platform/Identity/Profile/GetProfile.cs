using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Identity.Profile;

internal static class GetProfile
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<ProfileResponse>> (KontorDb db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await ExecuteAsync(db, user, ct)))
            .WithName(nameof(GetProfile))
            .WithSummary("Who am I: the signed-in user, their roles, tenant and culture")
            .WithDescription("With a personal access token, tokenId and tokenScope name the token; they are null for a login bearer token.");

    public static async Task<ProfileResponse> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, ct);
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == user.TenantId).Select(t => new { t.Name, t.RequireMfa }).SingleAsync(ct);
        return new ProfileResponse(
            stored.Id,
            stored.Email ?? "",
            stored.FirstName,
            stored.LastName,
            stored.DisplayName,
            [.. user.Roles.Order(StringComparer.Ordinal)],
            stored.TenantId,
            tenant.Name,
            stored.Culture,
            stored.TwoFactorEnabled,
            stored.MfaRequired || tenant.RequireMfa,
            user.TokenId,
            user.TokenScope);
    }
}
