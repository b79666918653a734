using Kontor.Platform.Http;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity.Profile;

/// <summary>Body of <c>POST /api/profile/password</c>.</summary>
public sealed class ChangePasswordRequest
{
    [Mandatory, MaxChars(200)]
    public string CurrentPassword { get; set; } = "";

    /// <summary>At least 12 characters with at least 4 different ones.</summary>
    [Mandatory, MaxChars(200)]
    public string NewPassword { get; set; } = "";
}

internal static class ChangePassword
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/password", async Task<NoContent> (
                ChangePasswordRequest request, UserManager<KontorUser> users, UserDirectory directory, CurrentUser user, ILogger<ChangePasswordRequest> log, CancellationToken ct) =>
            {
                await ExecuteAsync(request, users, directory, user, log, ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(ChangePassword))
            .WithSummary("Change the caller's password; needs the current one")
            .WithDescription("Ends every session of the user, including the bearer token of this request (sign in again with POST /api/auth/login), and revokes all the user's personal access tokens. Personal access tokens cannot call this endpoint (403).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>
    /// Returns the changed user. The security stamp changes with the password, so every session ends;
    /// the web UI signs the user in again at once with <see cref="SignInManager{TUser}.RefreshSignInAsync"/>.
    /// </summary>
    public static async Task<KontorUser> ExecuteAsync(
        ChangePasswordRequest request, UserManager<KontorUser> users, UserDirectory directory, CurrentUser user, ILogger log, CancellationToken ct)
    {
        CredentialRules.RequireSignIn(user);
        RequestValidator.ThrowIfInvalid(request);
        var stored = await users.FindByIdAsync(user.Id.ToString()) ?? throw new ForbiddenException("The user no longer exists.");
        await PasswordCheck.VerifyAsync(users, stored, request.CurrentPassword, "currentPassword");

        // People change their password when they fear someone else knows it. Whoever knew it could have created
        // personal access tokens with it, so the user's tokens are revoked together with the sessions.
        var result = await directory.ChangePasswordAsync(stored, request.CurrentPassword, request.NewPassword, ct);
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["newPassword"] = [.. result.Errors.Select(e => e.Description)],
            });
        }

        CredentialLog.PasswordChanged(log, stored.Id);
        return stored;
    }
}
