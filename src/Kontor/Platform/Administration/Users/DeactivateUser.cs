using Kontor.Platform.Audit;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Users;

internal static class DeactivateUser
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/deactivate", async Task<Results<Ok<UserResponse>, NotFound>> (
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
            .WithName(nameof(DeactivateUser))
            .WithSummary("Deactivate a user")
            .WithDescription("The user can no longer sign in; open sessions, bearer tokens and access tokens stop working at once. Their records stay. You cannot deactivate yourself (409).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when the tenant has no such user.</summary>
    public static async Task<UserResponse?> ExecuteAsync(Guid id, UserServices services, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var stored = await services.FindAsync(id, ct);
        if (stored is null)
        {
            return null;
        }

        if (id == user.Id)
        {
            throw new BusinessRuleException(AdminMessages.Get("You cannot deactivate yourself. Ask another administrator to do it."));
        }

        if (stored.IsActive)
        {
            stored.IsActive = false;
            services.Audit.Record(services.Db, AuditAction.PermissionChange, new RecordRef("user", id), new { change = "deactivated" });

            // Ends cookies, bearer tokens and access tokens even where IsActive is not checked.
            await services.EndSessionsAsync(stored, ct);
            AdminLog.UserDeactivated(services.Log, user.Id, id);
        }

        return await UserResponse.LoadAsync(services.Db, id, services.Clock.GetUtcNow(), ct);
    }
}
