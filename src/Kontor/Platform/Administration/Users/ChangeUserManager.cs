using Kontor.Platform.Audit;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Users;

/// <summary>Body of <c>PUT /api/users/{id}/manager</c>; null removes the manager.</summary>
public sealed class ChangeUserManagerRequest
{
    public Guid? ManagerId { get; set; }
}

internal static class ChangeUserManager
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}/manager", async Task<Results<Ok<UserResponse>, NotFound>> (
                Guid id, ChangeUserManagerRequest request, HttpRequest http, [AsParameters] UserServices services, CurrentUser user, CancellationToken ct) =>
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
            .WithName(nameof(ChangeUserManager))
            .WithSummary("Set or remove the manager of a user")
            .WithDescription("The manager must be an active user of your organisation, not the user and not someone who reports to the user (400 on managerId). Managers see the records of their direct reports. If-Match is optional.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Null when the tenant has no such user.</summary>
    public static async Task<UserResponse?> ExecuteAsync(
        Guid id, ChangeUserManagerRequest request, string? expectedStamp, UserServices services, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var stored = await services.FindAsync(id, ct);
        if (stored is null)
        {
            return null;
        }

        UserRules.Unchanged(stored, expectedStamp);
        var errors = AdminFieldErrors.Of(request);
        await UserRules.ManagerAsync(services.Db, id, request.ManagerId, errors, "managerId", ct);
        errors.ThrowIfAny();
        if (stored.ManagerId != request.ManagerId)
        {
            // Managers see their reports' records: a change of manager changes who sees what.
            services.Audit.Record(services.Db, AuditAction.PermissionChange, new RecordRef("user", id), new { change = "manager", managerId = request.ManagerId });
            stored.ManagerId = request.ManagerId;
            await services.UpdateAsync(stored, ct);
        }

        return await UserResponse.LoadAsync(services.Db, id, services.Clock.GetUtcNow(), ct);
    }
}
