using Kontor.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity;

/// <summary>Authentication schemes and authorization policies.</summary>
public static class KontorAuth
{
    /// <summary>Picks cookie, Identity bearer token or personal access token per request.</summary>
    public const string Scheme = "Kontor";

    /// <summary>The API accepts bearer tokens only (Identity tokens and personal access tokens), never the UI cookie, so cross-site requests cannot ride on a browser session.</summary>
    public const string ApiPolicy = "Api";

    public const string AdminPolicy = "Admin";

    /// <summary>Failed sign-ins before the account is locked.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of an access token from <c>POST /api/auth/login</c>.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>Lifetime of a refresh token.</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(14);
}

internal static class IdentityModule
{
    public static IServiceCollection AddKontorIdentity(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<CurrentUserLoader>();
        services.AddTransient<IClaimsTransformation, KontorClaimsTransformation>();
        services.AddScoped<CircuitHandler, CircuitUserHandler>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();
        services.AddCascadingAuthenticationState();

        services.AddIdentityCore<KontorUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = KontorAuth.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = KontorAuth.LockoutDuration;
                options.User.RequireUniqueEmail = false; // Checked across tenants by UserDirectory.
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<KontorRole>()
            .AddEntityFrameworkStores<KontorDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<KontorClaimsFactory>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = KontorAuth.Scheme;
                options.DefaultChallengeScheme = KontorAuth.Scheme;
            })
            .AddPolicyScheme(KontorAuth.Scheme, "Cookie, bearer token or personal access token", options =>
                options.ForwardDefaultSelector = context =>
                {
                    string? authorization = context.Request.Headers.Authorization;
                    if (PersonalAccessTokenHandler.IsTokenHeader(authorization))
                    {
                        return PersonalAccessTokenHandler.SchemeName;
                    }

                    return authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true || context.Request.Path.StartsWithSegments("/api")
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme;
                })
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = KontorAuth.AccessTokenLifetime;
                options.RefreshTokenExpiration = KontorAuth.RefreshTokenLifetime;
            })
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/signin";
                options.LogoutPath = "/signout";
                options.AccessDeniedPath = "/access-denied";
                options.Cookie.Name = "kontor.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
            }));

        services.AddAuthorizationBuilder()
            .AddPolicy(KontorAuth.ApiPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme, PersonalAccessTokenHandler.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(KontorAuth.AdminPolicy, policy => policy.RequireRole(Access.Roles.Admin));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RevokedSessionResultHandler>();

        services.AddScoped<UserDirectory>();
        return services;
    }
}
