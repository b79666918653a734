using Kontor.Platform.Audit;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Users;

/// <summary>Body of <c>PUT /api/users/{id}/roles</c>: the complete set of roles the user holds afterwards.</summary>
public sealed class ChangeUserRolesRequest
{
    public List<string> Roles { get; set; } = [];
}

internal static class ChangeUserRoles
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}/roles", async Task<Results<Ok<UserResponse>, NotFound>> (
                Guid id, ChangeUserRolesRequest request, HttpRequest http, [AsParameters] UserServices services, CurrentUser user, CancellationToken ct) =>
            {
                ETags.TryParseIfMatchStamp(http.Headers.IfMatch, out var expected);
                var updated = await ExecuteAsync(id, request, expected, services, user, ct);
                if (updated is null)
                {
                    return TypedResults.NotFound();
                }

                http.HttpContext.Response.Headers.ETag = updated.ETag;
                return TypedResults.Ok(updated);
            })
            .WithName(nameof(ChangeUserRoles))
            .WithSummary("Set the roles of a user")
            .WithDescription("Replaces the user's roles; at least one is required. Administrators cannot remove their own Admin role (409). If-Match is optional.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Null when the tenant has no such user. Takes effect on the user's next request: roles are read per request.</summary>
    public static async Task<UserResponse?> ExecuteAsync(
        Guid id, ChangeUserRolesRequest request, string? expectedStamp, UserServices services, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var stored = await services.FindAsync(id, ct);
        if (stored is null)
        {
            return null;
        }

        UserRules.Unchanged(stored, expectedStamp);
        var errors = AdminFieldErrors.Of(request);
        var roles = UserRules.Roles(request.Roles, errors, "roles");
        errors.ThrowIfAny();
        if (id == user.Id && !roles.Contains(Access.Roles.Admin))
        {
            throw new BusinessRuleException(AdminMessages.Get("You cannot remove your own administrator role. Ask another administrator to do it."));
        }

        var current = await services.Users.GetRolesAsync(stored);
        var removed = current.Except(roles).ToList();
        var added = roles.Except(current).ToList();
        if (removed.Count > 0 || added.Count > 0)
        {
            await using var transaction = await services.Db.Database.BeginTransactionAsync(ct);
            if (removed.Count > 0)
            {
                await services.SaveAsync(stored, users => users.RemoveFromRolesAsync(stored, removed), "roles", ct);
            }

            if (added.Count > 0)
            {
                await services.SaveAsync(stored, users => users.AddToRolesAsync(stored, added), "roles", ct);
            }

            services.Audit.Record(services.Db, AuditAction.PermissionChange, new RecordRef("user", id), new { change = "roles", added, removed });
            await services.Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            AdminLog.RolesChanged(services.Log, user.Id, id, string.Join(",", roles));
        }

        return await UserResponse.LoadAsync(services.Db, id, services.Clock.GetUtcNow(), ct);
    }
}
