using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Identity.Profile;

/// <summary>Body of <c>PUT /api/profile</c>; also the model of the profile form.</summary>
public sealed class UpdateProfileRequest
{
    [MaxChars(100)]
    public string? FirstName { get; set; }

    [MaxChars(100)]
    public string? LastName { get; set; }

    /// <summary>Language and formats: one of <c>de-DE</c>, <c>de-AT</c>, <c>de-CH</c>, <c>en-GB</c>, <c>en-US</c>.</summary>
    [Mandatory]
    public string Culture { get; set; } = KontorCultures.Default;
}

internal static class UpdateProfile
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/", async Task<Ok<ProfileResponse>> (UpdateProfileRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                await ExecuteAsync(request, db, user, ct);
                return TypedResults.Ok(await GetProfile.ExecuteAsync(db, user, ct));
            })
            .WithName(nameof(UpdateProfile))
            .WithSummary("Change the caller's name, language and formats")
            .WithDescription($"culture is one of {string.Join(", ", KontorCultures.Supported)}; the web UI uses it from the next page load. The e-mail address is changed by an administrator.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task ExecuteAsync(UpdateProfileRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        CredentialRules.RequireWriteAccess(user);
        RequestValidator.ThrowIfInvalid(request);
        if (!KontorCultures.IsSupported(request.Culture))
        {
            throw RequestValidationException.For("culture", $"Choose one of: {string.Join(", ", KontorCultures.Supported)}.");
        }

        var stored = await db.Users.SingleAsync(u => u.Id == user.Id, ct);
        stored.FirstName = Normalize.Text(request.FirstName) ?? "";
        stored.LastName = Normalize.Text(request.LastName) ?? "";
        stored.Culture = request.Culture;
        await db.SaveChangesAsync(ct);
    }
}
