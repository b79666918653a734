using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ApiTokens;

internal static class RevokeTenantApiToken
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (
                Guid id, KontorDb db, CurrentUser user, TimeProvider clock, ILogger<ApiTokenResponse> log, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, clock, log, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(RevokeTenantApiToken))
            .WithSummary("Administrators: revoke any personal access token of the tenant; it stops working at once")
            .WithDescription("Idempotent (204 again for a revoked token). 404 for tokens of other tenants, 403 for users without the Admin role and for read-only tokens.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>False when the tenant has no such token.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return false;
        }

        await RevokeApiToken.RevokeAsync(token, db, user, clock, log, ct);
        return true;
    }
}
