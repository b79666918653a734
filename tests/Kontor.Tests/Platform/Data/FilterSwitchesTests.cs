using System.Collections.Concurrent;
using System.Data.Common;
using Kontor.Platform.Data;
using Kontor.Platform.Tenancy;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Data;

/// <summary>An app that keeps the text of every SQL command it sends.</summary>
public sealed class SqlCapturingAppFactory : KontorAppFactory
{
    public ConcurrentQueue<string> Commands { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IInterceptor>(new Capture(Commands));

    private sealed class Capture(ConcurrentQueue<string> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}

/// <summary>
/// The query filters' switches (system scope, "reads all") are constants in the SQL on SQLite, so the same query must
/// get new SQL whenever a switch changes: never the SQL of a system scope outside it.
/// </summary>
public sealed class FilterSwitchesTests(SqlCapturingAppFactory app) : IClassFixture<SqlCapturingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameQuery_InAndOutOfASystemScope_SeesOneTenantOrAllEachTime()
    {
        var acme = await app.CreateTenantAsync("Acme");
        var globex = await app.CreateTenantAsync("Globex");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(acme);
        var system = scope.ServiceProvider.GetRequiredService<SystemScope>();
        var databases = scope.ServiceProvider.GetRequiredService<IDbContextFactory<KontorDb>>();

        async Task<List<Guid>> TenantsAsync()
        {
            await using var db = await databases.CreateDbContextAsync(Ct);
            return await db.Tenants.Select(t => t.Id).ToListAsync(Ct);
        }

        var before = await TenantsAsync();
        List<Guid> inside;
        using (system.Enter("test: all tenants"))
        {
            inside = await TenantsAsync();
        }

        app.Commands.Clear();
        var after = await TenantsAsync();

        Assert.Equal([acme], before);
        Assert.Contains(acme, inside);
        Assert.Contains(globex, inside);
        Assert.Equal([acme], after);
        if (!KontorAppFactory.OnPostgres)
        {
            var sql = Assert.Single(app.Commands);
            Assert.DoesNotContain("IsSystem", sql, StringComparison.Ordinal);
        }
    }
}
