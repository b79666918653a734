using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

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

        var context = http.HttpContext;
        var channel = context?.Request.Path.StartsWithSegments("/api") == true ? Channel.Api : Channel.Ui;
        if (!await loader.LoadAsync(principal, channel, context?.RequestAborted ?? default))
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

/// <summary>
/// Answers a request whose credentials <see cref="KontorClaimsTransformation"/> turned anonymous (deactivated user,
/// revoked session) with a challenge (401, or the sign-in page) rather than 403: the token itself was valid, so
/// ASP.NET Core would otherwise forbid, and the client would not learn that it has to sign in again.
/// </summary>
internal sealed class SignedOutUserResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        inner.HandleAsync(
            next,
            context,
            policy,
            authorizeResult.Forbidden && !context.User.Identities.Any(i => i.IsAuthenticated) ? PolicyAuthorizationResult.Challenge() : authorizeResult);
}
