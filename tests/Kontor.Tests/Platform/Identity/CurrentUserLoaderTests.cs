using System.Security.Claims;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Identity;

/// <summary>
/// The loader runs when a Blazor circuit opens, in the circuit's scope, which lives as long as the browser tab:
/// a context it took from that scope would hold its connection and change tracker for hours.
/// </summary>
public sealed class CurrentUserLoaderTests(CurrentUserLoaderTests.ContextProbeAppFactory app) : IClassFixture<CurrentUserLoaderTests.ContextProbeAppFactory>
{
    [Fact]
    public async Task Load_InACircuitScope_LoadsTheUserWithoutTakingTheScopesContext()
    {
        var user = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await using var circuit = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(KontorClaims.Tenant, user.TenantId.ToString())], "Test"));

        var loaded = await circuit.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(principal, Channel.Ui, Api.Ct);

        Assert.True(loaded);
        var current = circuit.ServiceProvider.GetRequiredService<CurrentUser>();
        Assert.Equal(user.Id, current.Id);
        Assert.Equal([Roles.SalesRep], current.Roles);
        Assert.Contains(user.Id, circuit.ServiceProvider.GetRequiredService<AccessScope>().OwnerIds);
        Assert.False(circuit.ServiceProvider.GetRequiredService<ContextProbe>().ScopedContextCreated);
    }

    /// <summary>Records whether a scope ever created its scoped <see cref="KontorDb"/>.</summary>
    public sealed class ContextProbe
    {
        public bool ScopedContextCreated { get; set; }
    }

    /// <summary>The app with the scoped <see cref="KontorDb"/> registration wrapped by a <see cref="ContextProbe"/>.</summary>
    public sealed class ContextProbeAppFactory : KontorAppFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            var registration = services.Last(d => d.ServiceType == typeof(KontorDb));
            services.Remove(registration);
            services.AddScoped<ContextProbe>();
            services.AddScoped(provider =>
            {
                provider.GetRequiredService<ContextProbe>().ScopedContextCreated = true;
                return (KontorDb)registration.ImplementationFactory!(provider);
            });
        }
    }
}
