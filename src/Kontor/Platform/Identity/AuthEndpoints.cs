using System.ComponentModel.DataAnnotations;
using Kontor.Platform.Audit;
using Kontor.Platform.Logging;
using Kontor.Platform.Tenancy;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kontor.Platform.Identity;

/// <summary>Body of <c>POST /api/auth/login</c>.</summary>
public sealed class LoginRequest
{
    [Required, MaxLength(254)]
    public string Email { get; set; } = "";

    [Required, MaxLength(200)]
    public string Password { get; set; } = "";

    /// <summary>The six digits of the authenticator app, for users with MFA.</summary>
    [MaxLength(10)]
    public string? TwoFactorCode { get; set; }

    /// <summary>One of the recovery codes shown at MFA enrolment, instead of <see cref="TwoFactorCode"/>.</summary>
    [MaxLength(20)]
    public string? RecoveryCode { get; set; }
}

/// <summary>Body of <c>POST /api/auth/refresh</c>.</summary>
public sealed class RefreshRequest
{
    [Required, MaxLength(4000)]
    public string RefreshToken { get; set; } = "";
}

/// <summary>Sign-in for API clients: short-lived bearer tokens from ASP.NET Core Identity. There is no self-registration.</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication").AllowAnonymous().RequireRateLimiting(Hosting.KontorPlatform.SignInRateLimit);
        group.MapPost("/login", LoginAsync)
            .WithName("Login")
            .WithSummary("Exchange e-mail and password (and the MFA code) for a bearer token")
            .WithDescription($"Answers with accessToken (valid {KontorAuth.AccessTokenLifetime.TotalMinutes:0} minutes) and refreshToken. {KontorAuth.MaxFailedAttempts} failed attempts lock the account for {KontorAuth.LockoutDuration.TotalMinutes:0} minutes (429 with Retry-After).")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", RefreshAsync)
            .WithName("RefreshToken")
            .WithSummary("Exchange a refresh token for a new bearer token")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest login,
        SignInManager<KontorUser> signIn,
        SystemScope system,
        Data.KontorDb db,
        TimeProvider clock,
        HttpContext http,
        ILogger<LoginRequest> log)
    {
        RequestValidator.ThrowIfInvalid(login);

        // The user's tenant is known only once the user is found by e-mail.
        using var scope = system.Enter("API sign-in");
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var user = await signIn.UserManager.FindByEmailAsync(login.Email);
        if (user is null || !user.IsActive)
        {
            // An unknown address belongs to no tenant, so it has no audit log to go to: the log below keeps it.
            PlatformLog.SignInFailed(log, login.Email, "unknown or inactive user");
            if (user is not null)
            {
                await AuditTrail.SignInEventAsync(db, user, AuditAction.LoginFailed, Channel.Api, "inactive", http.RequestAborted);
            }

            return InvalidCredentials();
        }

        // A token must not be issued to a user who still has to enrol MFA; a wrong password takes the
        // counted path below instead, so this check gives nothing away.
        if (await MfaPolicy.MustEnrolAsync(db, user) && !await signIn.UserManager.IsLockedOutAsync(user)
            && await signIn.UserManager.CheckPasswordAsync(user, login.Password))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Enrol an authenticator app first.",
                detail: "Your administrator requires two-factor sign-in. Sign in to the web UI once and set up an authenticator app under Profile.");
        }

        var result = await signIn.PasswordSignInAsync(user, login.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrWhiteSpace(login.TwoFactorCode))
            {
                result = await signIn.TwoFactorAuthenticatorSignInAsync(login.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
            }
            else if (!string.IsNullOrWhiteSpace(login.RecoveryCode))
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(login.RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
            }
            else
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Two-factor code required.",
                    detail: "This account uses an authenticator app. Send the six-digit code as twoFactorCode (or a recovery code as recoveryCode).",
                    extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true });
            }
        }

        if (result.IsLockedOut)
        {
            var retryAfter = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalSeconds)) : (int)KontorAuth.LockoutDuration.TotalSeconds;
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            PlatformLog.SignInFailed(log, login.Email, "locked out");
            await AuditTrail.SignInEventAsync(db, user, AuditAction.LoginFailed, Channel.Api, "locked out", http.RequestAborted);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed sign-ins.",
                detail: $"The account is locked for {KontorAuth.LockoutDuration.TotalMinutes:0} minutes after {KontorAuth.MaxFailedAttempts} failed attempts.");
        }

        if (!result.Succeeded)
        {
            PlatformLog.SignInFailed(log, login.Email, "wrong password or code");
            await AuditTrail.SignInEventAsync(db, user, AuditAction.LoginFailed, Channel.Api, "wrong password or code", http.RequestAborted);
            return InvalidCredentials();
        }

        PlatformLog.SignedIn(log, user.Id, login.Email, "api");
        await AuditTrail.SignInEventAsync(db, user, AuditAction.Login, Channel.Api, null, http.RequestAborted);

        // The bearer token handler has written the token response.
        return TypedResults.Empty;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest refresh,
        SignInManager<KontorUser> signIn,
        SystemScope system,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider clock)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(refresh.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires)
        {
            return InvalidRefreshToken();
        }

        using var scope = system.Enter("API token refresh");
        var user = await signIn.ValidateSecurityStampAsync(ticket.Principal);
        if (user is null || !user.IsActive)
        {
            return InvalidRefreshToken();
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Empty;
    }

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in failed.",
        detail: "The e-mail address, the password or the code is wrong.");

    private static ProblemHttpResult InvalidRefreshToken() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "The refresh token is invalid or expired.",
        detail: "Sign in again with POST /api/auth/login.");
}
