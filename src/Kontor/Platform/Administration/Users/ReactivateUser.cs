using Kontor.Platform.Audit;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Users;

internal static class ReactivateUser
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/reactivate", async Task<Results<Ok<UserResponse>, NotFound>> (
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
            .WithName(nameof(ReactivateUser))
            .WithSummary("Reactivate a deactivated user")
            .WithDescription("The user can sign in again with their password; tokens issued before the deactivation stay invalid.")
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

        if (!stored.IsActive)
        {
            stored.IsActive = true;
            services.Audit.Record(services.Db, AuditAction.PermissionChange, new RecordRef("user", id), new { change = "reactivated" });
            await services.UpdateAsync(stored, ct);
            AdminLog.UserReactivated(services.Log, user.Id, id);
        }

        return await UserResponse.LoadAsync(services.Db, id, services.Clock.GetUtcNow(), ct);
    }
}
