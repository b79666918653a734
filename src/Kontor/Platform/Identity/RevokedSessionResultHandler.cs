using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kontor.Platform.Identity;

/// <summary>
/// Answers a revoked session with 401, not 403. A bearer token of a deactivated user (or one issued before a
/// password or MFA reset) still decodes, so authentication succeeds; <see cref="KontorClaimsTransformation"/>
/// then drops the user, and the policy would call that "forbidden". The client must sign in again instead.
/// </summary>
internal sealed class RevokedSessionResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        inner.HandleAsync(
            next,
            context,
            policy,
            authorizeResult.Forbidden && !context.User.Identities.Any(i => i.IsAuthenticated) ? PolicyAuthorizationResult.Challenge() : authorizeResult);
}
