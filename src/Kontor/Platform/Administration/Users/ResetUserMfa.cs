using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Users;

internal static class ResetUserMfa
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/reset-mfa", async Task<Results<Ok<UserResponse>, NotFound>> (
                Guid id, HttpResponse response, [AsParameters] UserServices services, CurrentUser user, CancellationToken ct) =>
            {
                var updated = await ExecuteAsync(id, services, user, ct);
                if (updated is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = updated.ETag;
                return TypedResults.Ok(updated);
            })
            .WithName(nameof(ResetUserMfa))
            .WithSummary("Reset a user's authenticator app")
            .WithDescription("For a lost phone: two-factor sign-in is switched off, the authenticator key and the recovery codes are replaced and the user's sessions end. If MFA is required, the user enrols again at the next sign-in.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the tenant has no such user.</summary>
    public static async Task<UserResponse?> ExecuteAsync(Guid id, UserServices services, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var stored = await services.FindAsync(id, ct);
        if (stored is null)
        {
            return null;
        }

        await using var transaction = await services.Db.Database.BeginTransactionAsync(ct);
        stored.TwoFactorEnabled = false;

        // Replacing the key renews the security stamp, so sessions signed in with the old authenticator end too.
        await services.SaveAsync(stored, users => users.ResetAuthenticatorKeyAsync(stored), "user", ct);

        // Zero new codes: recovery codes printed for the old authenticator must not outlive it.
        await services.SaveAsync(stored, async users => await users.GenerateNewTwoFactorRecoveryCodesAsync(stored, 0) is null ? IdentityResult.Failed() : IdentityResult.Success, "user", ct);
        await transaction.CommitAsync(ct);
        AdminLog.MfaReset(services.Log, user.Id, id);
        return await UserResponse.LoadAsync(services.Db, id, services.Clock.GetUtcNow(), ct);
    }
}
