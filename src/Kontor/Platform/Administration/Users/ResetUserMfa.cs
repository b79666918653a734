using Kontor.Platform.Http;
using Kontor.Platform.Identity;
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
            .WithDescription("For a lost phone: two-factor sign-in is switched off, the authenticator key and the recovery codes are replaced, and the user's sessions and personal access tokens end. If MFA is required, the user enrols again at the next sign-in. Needs a sign-in with password: a personal access token gets 403. For your own authenticator use the profile (409 here).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when the tenant has no such user.</summary>
    public static async Task<UserResponse?> ExecuteAsync(Guid id, UserServices services, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireCredentialChange(user);
        var stored = await services.FindAsync(id, ct);
        if (stored is null)
        {
            return null;
        }

        if (id == user.Id)
        {
            throw new BusinessRuleException(AdminMessages.Get("You cannot reset your own authenticator app here. Replace or turn it off under Profile → Security."));
        }

        await using var transaction = await services.Db.Database.BeginTransactionAsync(ct);
        await services.SaveAsync(stored, users => UserDirectory.TurnOffAuthenticatorAsync(users, stored), "user", ct);

        // Sessions signed in with the old authenticator end, and so do the user's access tokens.
        await services.EndSessionsAsync(stored, ct);
        await transaction.CommitAsync(ct);
        AdminLog.MfaReset(services.Log, user.Id, id);
        return await UserResponse.LoadAsync(services.Db, id, services.Clock.GetUtcNow(), ct);
    }
}
