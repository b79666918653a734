using System.Security.Claims;
using Kontor.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Infrastructure;

/// <summary>Runs code in a fresh service scope signed in as a user, the way a web UI request or circuit is.</summary>
public static class SignedInScope
{
    public static async Task<T> RunAsync<T>(KontorAppFactory app, Guid userId, Guid tenantId, Func<IServiceProvider, CurrentUser, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(KontorClaims.Tenant, tenantId.ToString())],
            "Test"));
        var loaded = await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(principal, Channel.Ui, TestContext.Current.CancellationToken);
        Assert.True(loaded, "The user could not be loaded.");
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<CurrentUser>());
    }

    public static Task<T> RunAsync<T>(this TestUser user, Func<IServiceProvider, CurrentUser, Task<T>> work) =>
        RunAsync(user.App, user.Id, user.TenantId, work);
}
