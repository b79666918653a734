using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Kontor.Platform.Identity;

/// <summary>
/// Runs after every successful authentication of an HTTP request: loads the current user's scope, or turns
/// the principal into an anonymous one when the user was deactivated or the session revoked, so the
/// request is then answered as unauthenticated.
/// </summary>
internal sealed class KontorClaimsTransformation(CurrentUserLoader loader, CurrentUser user, IHttpContextAccessor http) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return principal;
        }

        // Static files and anonymous endpoints need no user; skipping them saves the loader's queries on
        // every script and stylesheet a signed-in browser fetches.
        var context = http.HttpContext;
        var endpoint = context?.GetEndpoint();
        if (context is not null && (endpoint is null || (endpoint.Metadata.GetMetadata<IAuthorizeData>() is null && endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is null)))
        {
            return principal;
        }

        var channel = context?.Request.Path.StartsWithSegments("/api") == true ? Channel.Api : Channel.Ui;
        // A user who must still enrol MFA gets no API access, also with tokens issued before the requirement;
        // the web UI lets them enrol.
        if (!await loader.LoadAsync(principal, channel, context?.RequestAborted ?? default) || (channel == Channel.Api && user.MustEnrolMfa))
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        // Roles come from the database, not from the cookie or token issued at sign-in, so a removed
        // role stops working at once.
        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type != ClaimTypes.Role),
            principal.Identity.AuthenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        identity.AddClaims(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(identity);
    }
}
