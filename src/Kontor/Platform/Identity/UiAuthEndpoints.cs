using Kontor.Platform.Audit;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity;

/// <summary>Cookie endpoints of the web UI: sign out and switch the culture cookie.</summary>
internal static class UiAuthEndpoints
{
    /// <summary>How long the browser remembers the chosen culture.</summary>
    private static readonly TimeSpan CultureCookieLifetime = TimeSpan.FromDays(365);

    public static IEndpointRouteBuilder MapUiAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (HttpContext http, SignInManager<KontorUser> signIn, CurrentUserLoader loader, CurrentUser user, Data.KontorDb db, AuditTrail audit, CancellationToken ct) =>
            {
                // The endpoint admits anonymous requests (a stale cookie must still be removable), so the user is loaded here.
                if (http.User.Identity?.IsAuthenticated == true && await loader.LoadAsync(http.User, Channel.Ui, ct))
                {
                    audit.Record(db, AuditAction.Logout, new Records.RecordRef("user", user.Id));
                    await db.SaveChangesAsync(ct);
                }

                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("~/signin");
            })
            .ExcludeFromDescription();

        app.MapGet("/culture", (string culture, string? returnUrl, HttpResponse response) =>
            {
                if (KontorCultures.IsSupported(culture))
                {
                    WriteCultureCookie(response, culture);
                }

                return TypedResults.LocalRedirect(LocalUrl(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public static void WriteCultureCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(KontorCultures.CookieName, KontorCultures.CookieValue(culture), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.Add(CultureCookieLifetime),
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            HttpOnly = true,
        });

    /// <summary>
    /// The URL if it stays on this site (an open redirect otherwise), else the home page. Follows ASP.NET Core's
    /// rule for local URLs, control characters included, so <c>LocalRedirect</c> never refuses the result.
    /// </summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.StartsWith('/')
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl)
            ? url
            : "/";
}
