using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ApiTokens;

internal static class GetApiToken
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<ApiTokenResponse>, NotFound>> (
                Guid id, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(id, db, user, clock, ct) is { } token ? TypedResults.Ok(token) : TypedResults.NotFound())
            .WithName(nameof(GetApiToken))
            .WithSummary("Get one of the caller's own personal access tokens (never its secret)")
            .WithDescription("Answers 404 for tokens of other users.");

    /// <summary>The token, or null when it does not exist or belongs to someone else.</summary>
    public static async Task<ApiTokenResponse?> ExecuteAsync(Guid id, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var owned = await db.PersonalAccessTokens.AnyAsync(t => t.Id == id && t.UserId == user.Id, ct);
        return owned ? (await ApiTokenResponse.LoadAsync([id], db, clock.GetUtcNow(), ct)).SingleOrDefault() : null;
    }
}
