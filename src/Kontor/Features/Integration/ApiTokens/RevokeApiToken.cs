using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ApiTokens;

internal static class RevokeApiToken
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (
                Guid id, KontorDb db, CurrentUser user, TimeProvider clock, ILogger<ApiTokenResponse> log, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, clock, log, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(RevokeApiToken))
            .WithSummary("Revoke one of the caller's own personal access tokens; it stops working at once")
            .WithDescription("Idempotent: revoking a revoked token answers 204 again. Tokens of other users answer 404; administrators use DELETE /api/admin/tokens/{id}. A read-only token gets 403.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>False when the token does not exist or belongs to someone else.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        CredentialRules.RequireWriteAccess(user);
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == user.Id, ct);
        if (token is null)
        {
            return false;
        }

        await RevokeAsync(token, db, user, clock, log, ct);
        return true;
    }

    internal static async Task RevokeAsync(PersonalAccessToken token, KontorDb db, CurrentUser user, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        if (token.RevokedAt is not null)
        {
            return;
        }

        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        CredentialLog.TokenRevoked(log, user.Id, token.Id, token.UserId);
    }
}
