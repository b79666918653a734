using Kontor.Platform.Data;
using Kontor.Platform.Tenancy;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Tenancy;

/// <summary>
/// A Blazor circuit shares one service scope (one <see cref="TenantContext"/>) among all its event handlers; a
/// system scope entered by one of them must not lift the tenant filters for the others.
/// </summary>
public sealed class SystemScopeTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enter_WhileItAwaits_AnotherOperationOfTheSameScopeStaysInItsTenant()
    {
        var acme = await app.CreateTenantAsync("Acme");
        var globex = await app.CreateTenantAsync("Globex");
        await using var circuit = app.Services.CreateAsyncScope();
        var tenant = circuit.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.Use(acme);
        var system = circuit.ServiceProvider.GetRequiredService<SystemScope>();
        var databases = circuit.ServiceProvider.GetRequiredService<IDbContextFactory<KontorDb>>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Another handler of the circuit: it runs while the first one awaits inside its system scope.
        var other = Task.Run(async () =>
        {
            await entered.Task;
            try
            {
                await using var db = await databases.CreateDbContextAsync(Ct);
                return (tenant.IsSystem, Tenants: await db.Tenants.Select(t => t.Id).ToListAsync(Ct));
            }
            finally
            {
                done.SetResult();
            }
        }, Ct);

        List<Guid> seenInside;
        bool systemInside;
        using (system.Enter("test: platform work"))
        {
            entered.SetResult();
            await done.Task;

            // The query filters read the flag while the query runs, inside the awaited call.
            await using var db = await databases.CreateDbContextAsync(Ct);
            seenInside = await db.Tenants.Select(t => t.Id).ToListAsync(Ct);
            systemInside = tenant.IsSystem;
        }

        var (otherSawSystem, otherSaw) = await other;
        Assert.False(otherSawSystem);
        Assert.Equal([acme], otherSaw);
        Assert.True(systemInside);
        Assert.Contains(acme, seenInside);
        Assert.Contains(globex, seenInside);
        Assert.False(tenant.IsSystem);
    }

    [Fact]
    public async Task Enter_Nested_HoldsUntilTheOuterScopeEnds_AlsoForWorkStartedInside()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        var system = scope.ServiceProvider.GetRequiredService<SystemScope>();
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var leave = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<bool> startedInside;
        bool sawSystemOnStart;

        using (system.Enter("test: outer"))
        {
            using (system.Enter("test: inner"))
            {
                await Task.Yield();
                Assert.True(tenant.IsSystem);
            }

            Assert.True(tenant.IsSystem);
            startedInside = Task.Run(async () =>
            {
                started.SetResult(tenant.IsSystem);
                await leave.Task;
                return tenant.IsSystem;
            }, Ct);
            sawSystemOnStart = await started.Task;
        }

        leave.SetResult();

        // Work started inside the scope sees it while it lasts, and sees it end with the using block that entered it.
        Assert.True(sawSystemOnStart);
        Assert.False(await startedInside);
        Assert.False(tenant.IsSystem);
    }
}
