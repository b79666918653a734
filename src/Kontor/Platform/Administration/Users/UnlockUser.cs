using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Users;

internal static class UnlockUser
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/unlock", async Task<Results<Ok<UserResponse>, NotFound>> (
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
            .WithName(nameof(UnlockUser))
            .WithSummary("Unlock a user locked out after failed sign-ins")
            .WithDescription("Clears the lockout and the count of failed attempts.")
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

        if (stored.LockoutEnd is not null || stored.AccessFailedCount > 0)
        {
            stored.LockoutEnd = null;
            stored.AccessFailedCount = 0;
            await services.UpdateAsync(stored, ct);
            AdminLog.UserUnlocked(services.Log, user.Id, id);
        }

        return await UserResponse.LoadAsync(services.Db, id, services.Clock.GetUtcNow(), ct);
    }
}
