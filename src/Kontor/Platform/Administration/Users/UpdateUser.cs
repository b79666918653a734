using System.Text.Json.Nodes;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Users;

/// <summary>
/// A user's details as clients send them: the result of applying a <c>PATCH</c> to the stored user, and the
/// model of the details form. Roles, manager, teams and the active flag have their own endpoints and rules.
/// </summary>
public sealed class UserDetailsRequest
{
    /// <summary>The sign-in name; changing it ends the user's sessions.</summary>
    [Mandatory, MaxChars(254), Email]
    public string Email { get; set; } = "";

    [Mandatory, MaxChars(100)]
    public string FirstName { get; set; } = "";

    [Mandatory, MaxChars(100)]
    public string LastName { get; set; } = "";

    [Mandatory, MaxChars(10)]
    public string Culture { get; set; } = KontorCultures.Default;

    public Guid? SiteId { get; set; }

    /// <summary>Region code of the works agreement (2–8 capital letters, e.g. EU, CH), or null.</summary>
    [MaxChars(8), RegionCode]
    public string? Region { get; set; }

    public bool MfaRequired { get; set; }

    public static UserDetailsRequest From(KontorUser user) => new()
    {
        Email = user.Email ?? "",
        FirstName = user.FirstName,
        LastName = user.LastName,
        Culture = user.Culture,
        SiteId = user.SiteId,
        Region = user.Region,
        MfaRequired = user.MfaRequired,
    };

    public static UserDetailsRequest From(UserResponse user) => new()
    {
        Email = user.Email,
        FirstName = user.FirstName,
        LastName = user.LastName,
        Culture = user.Culture,
        SiteId = user.SiteId,
        Region = user.Region,
        MfaRequired = user.MfaRequired,
    };
}

internal static class UpdateUser
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}", (
                Guid id, JsonObject patch, HttpRequest http, [AsParameters] UserServices services, CurrentUser user, CancellationToken ct) =>
            JsonMergePatch.PatchVersionedAsync<UserDetailsRequest, UserResponse, string?>(
                http,
                patch,
                ETags.TryParseIfMatchStamp,
                async () => await services.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) is { } stored ? UserDetailsRequest.From(stored) : null,
                (request, expected) => ExecuteAsync(id, request, expected, services, user, ct)))
            .WithName(nameof(UpdateUser))
            .WithSummary("Change a user's details")
            .WithDescription("A JSON merge patch (RFC 7396) of email, firstName, lastName, culture, siteId, region and mfaRequired. Requires If-Match with the ETag from GET: 428 without it, 412 when the user changed since. A new e-mail address ends the user's sessions and personal access tokens; it needs a sign-in with password (403 with a personal access token).")
            .Accepts<UserDetailsRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>
    /// Shared by the endpoint and the user page. Null when the tenant has no such user;
    /// <paramref name="expectedStamp"/> null means "whatever is stored".
    /// </summary>
    public static async Task<UserResponse?> ExecuteAsync(
        Guid id, UserDetailsRequest request, string? expectedStamp, UserServices services, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var stored = await services.FindAsync(id, ct);
        if (stored is null)
        {
            return null;
        }

        UserRules.Unchanged(stored, expectedStamp);
        var errors = AdminFieldErrors.Of(request);
        UserRules.Culture(request.Culture, errors, "culture");
        await UserRules.SiteAsync(services.Db, request.SiteId, errors, "siteId", ct);
        var email = Normalize.Email(request.Email);
        var emailChanged = email is not null && !string.Equals(email, stored.Email, StringComparison.OrdinalIgnoreCase);
        if (emailChanged)
        {
            // The e-mail is the sign-in name, as much a credential as the password.
            AdminAccess.RequireCredentialChange(user);
        }

        if (emailChanged && !errors.Has("email") && await services.IsEmailTakenAsync(email!, ct))
        {
            errors.Add("email", AdminMessages.Get("A user with this e-mail address already exists."));
        }

        errors.ThrowIfAny();
        stored.FirstName = request.FirstName.Trim();
        stored.LastName = request.LastName.Trim();
        stored.Culture = request.Culture;
        stored.SiteId = request.SiteId;
        stored.Region = Normalize.Text(request.Region)?.ToUpperInvariant();
        stored.MfaRequired = request.MfaRequired;
        if (emailChanged)
        {
            stored.Email = email;
            stored.UserName = email;
            await services.Users.UpdateNormalizedEmailAsync(stored);
            await services.Users.UpdateNormalizedUserNameAsync(stored);

            // The sign-in name changed: sessions and tokens issued for the old one end.
            await services.EndSessionsAsync(stored, ct);
            AdminLog.EmailChanged(services.Log, user.Id, id, email!);
        }
        else
        {
            await services.UpdateAsync(stored, ct);
        }

        return await UserResponse.LoadAsync(services.Db, id, services.Clock.GetUtcNow(), ct);
    }
}
