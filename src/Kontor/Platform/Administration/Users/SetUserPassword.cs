using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Administration.Users;

/// <summary>Body of <c>PUT /api/users/{id}/password</c>.</summary>
public sealed class SetUserPasswordRequest
{
    /// <summary>The new password; at least 12 characters. Tell it to the user on a separate channel.</summary>
    [Mandatory, MaxChars(200)]
    public string Password { get; set; } = "";
}

internal static class SetUserPassword
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}/password", async Task<Results<Ok<UserResponse>, NotFound>> (
                Guid id, SetUserPasswordRequest request, HttpResponse response, [AsParameters] UserServices services, CurrentUser user, CancellationToken ct) =>
            {
                var updated = await ExecuteAsync(id, request, services, user, ct);
                if (updated is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = updated.ETag;
                return TypedResults.Ok(updated);
            })
            .WithName(nameof(SetUserPassword))
            .WithSummary("Set a new password for a user")
            .WithDescription("The password must follow the password rules (400 on password). The account is unlocked; the user's sessions and personal access tokens end. Needs a sign-in with password: a personal access token gets 403. For your own password use the profile (409 here).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when the tenant has no such user.</summary>
    public static async Task<UserResponse?> ExecuteAsync(Guid id, SetUserPasswordRequest request, UserServices services, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireCredentialChange(user);
        var stored = await services.FindAsync(id, ct);
        if (stored is null)
        {
            return null;
        }

        if (id == user.Id)
        {
            // Here nobody asks for the current password; Profile → Security does.
            throw new BusinessRuleException(AdminMessages.Get("You cannot set your own password here. Change it under Profile → Security, where your current password is checked."));
        }

        var errors = AdminFieldErrors.Of(request);
        await UserRules.PasswordAsync(services.Users, stored, request.Password, errors, "password");
        errors.ThrowIfAny();

        // The directory's reset also unlocks the account and ends every session and access token, all or nothing.
        await services.Directory.ResetPasswordAsync(stored.Email!, request.Password, ct);
        AdminLog.PasswordSet(services.Log, user.Id, id);
        return await UserResponse.LoadAsync(services.Db, id, services.Clock.GetUtcNow(), ct);
    }
}
