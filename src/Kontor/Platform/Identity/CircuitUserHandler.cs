using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontor.Platform.Identity;

/// <summary>
/// Loads the current user's scope into an interactive circuit's services when the circuit opens, so
/// components and the contexts they create see the same tenant and access rules as HTTP requests.
/// </summary>
internal sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CurrentUserLoader loader) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await loader.LoadAsync(state.User, Channel.Ui, cancellationToken);
    }
}

/// <summary>
/// Re-checks an open circuit's user every minute: a deactivated user or a revoked session (password reset,
/// MFA reset) is signed out of open browser tabs, not only of new requests.
/// </summary>
internal sealed class RevalidatingUserStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identityOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (state.User.UserId() is not { } userId || state.User.TenantId() is not { } tenantId)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenancy.TenantContext>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<Data.KontorDb>();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken);
        var stamp = state.User.FindFirst(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return user is { IsActive: true } && (stamp is null || stamp == user.SecurityStamp);
    }
}
