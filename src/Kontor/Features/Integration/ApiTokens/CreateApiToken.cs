using System.Globalization;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ApiTokens;

/// <summary>Body of <c>POST /api/tokens</c>; also the model of the "New token" form.</summary>
public sealed class CreateApiTokenRequest
{
    /// <summary>What the token is for, e.g. "Nightly export".</summary>
    [Mandatory, MaxChars(100)]
    public string Name { get; set; } = "";

    /// <summary><c>read</c> (GET only) or <c>readWrite</c> (everything the user may do); defaults to read.</summary>
    public TokenScope Scope { get; set; } = TokenScope.Read;

    /// <summary>Last day (UTC) the token works, at most one year ahead; none for a token that does not expire.</summary>
    public DateOnly? ExpiresOn { get; set; }
}

internal static class CreateApiToken
{
    /// <summary>Working tokens a user may hold at once, so a leaked session cannot mint tokens without bound.</summary>
    public const int MaxActiveTokensPerUser = 50;

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<CreatedApiTokenResponse>> (
                CreateApiTokenRequest request, KontorDb db, CurrentUser user, TimeProvider clock, ILogger<CreateApiTokenRequest> log, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, clock, log, ct);
                return TypedResults.Created($"/api/tokens/{created.Id}", created);
            })
            .WithName(nameof(CreateApiToken))
            .WithSummary("Create a personal access token; the answer holds its secret, shown only this once")
            .WithDescription($"Needs a sign-in with password (a bearer token from POST /api/auth/login); a request made with a personal access token gets 403. expiresOn is the last valid day (UTC), after today and at most one year ahead (400 otherwise). At most {MaxActiveTokensPerUser} working tokens per user (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Shared by the endpoint and the "New token" dialog.</summary>
    public static async Task<CreatedApiTokenResponse> ExecuteAsync(
        CreateApiTokenRequest request, KontorDb db, CurrentUser user, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        CredentialRules.RequireSignIn(user);
        CredentialRules.RequireMfaEnrolled(user);
        RequestValidator.ThrowIfInvalid(request);
        if (!Enum.IsDefined(request.Scope))
        {
            throw RequestValidationException.For("scope", "Use read or readWrite.");
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateTimeOffset? expiresAt = null;
        if (request.ExpiresOn is { } lastDay)
        {
            if (lastDay <= today || lastDay > today.AddYears(1))
            {
                throw RequestValidationException.For("expiresOn", string.Create(
                    CultureInfo.InvariantCulture,
                    $"Choose a day from {today.AddDays(1):yyyy-MM-dd} to {today.AddYears(1):yyyy-MM-dd}, or none for a token that does not expire."));
            }

            // Valid through the whole last day, UTC.
            expiresAt = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        var working = await db.PersonalAccessTokens
            .CountAsync(t => t.UserId == user.Id && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now), ct);
        if (working >= MaxActiveTokensPerUser)
        {
            throw new BusinessRuleException($"You already have {MaxActiveTokensPerUser} working tokens. Revoke one you no longer need first.");
        }

        var (token, secret) = PersonalAccessToken.Issue(user.Id, Normalize.Text(request.Name)!, request.Scope, now, expiresAt);
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        CredentialLog.TokenCreated(log, user.Id, token.Id, token.Scope);
        return new CreatedApiTokenResponse(token.Id, token.Name, token.Scope, token.Hint, token.CreatedAt, token.ExpiresAt, secret);
    }
}
