using Kontor.Platform.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kontor.Platform.Data;

/// <summary>Which database Kontor runs on; section <c>Kontor:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Kontor:Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>SQLite file, relative to the content root (the project folder under <c>dotnet run</c>).</summary>
    public string SqlitePath { get; set; } = "data/kontor.db";

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
}

internal static class DataModule
{
    public static IServiceCollection AddKontorData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<IInterceptor, RecordStampInterceptor>();
        var connectionString = configuration.GetConnectionString("Kontor");

        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Kontor:Database:Provider is Postgres but no connection string is set. Set ConnectionStrings__Kontor, e.g. \"Host=localhost;Database=kontor;Username=kontor;Password=…\".");
            }

            var postgres = WithoutJit(connectionString);
            Register<PostgresKontorDb>(services, (sp, db) => db.UseNpgsql(postgres));
        }
        else if (options.IsSqlite)
        {
            var path = Path.GetFullPath(options.SqlitePath, contentRoot);
            connectionString = !string.IsNullOrWhiteSpace(connectionString) ? connectionString : new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true }.ToString();
            Register<SqliteKontorDb>(services, (sp, db) => db.UseSqlite(connectionString)
                .ReplaceService<Microsoft.EntityFrameworkCore.Query.IRelationalParameterBasedSqlProcessorFactory, SqliteFilterSwitchesFactory>());
        }
        else
        {
            throw new InvalidOperationException($"Unknown database provider '{options.Provider}'. Use Sqlite or Postgres.");
        }

        return services;
    }

    /// <summary>
    /// Kontor's queries are short and many: PostgreSQL's JIT compilation, which it starts for any query whose
    /// estimated cost passes <c>jit_above_cost</c>, costs tens of milliseconds each time and pays off only for long
    /// analytical queries (a contact search over a million rows: 26 ms of 190 spent compiling). It is switched off
    /// for Kontor's sessions unless the connection string's <c>Options</c> set <c>jit</c> themselves.
    /// </summary>
    internal static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = ((builder.Options ?? "") + " -c jit=off").Trim();
        }

        return builder.ConnectionString;
    }

    private static void Register<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : KontorDb
    {
        // Scoped factory: contexts created in a Blazor circuit get the circuit's tenant and access scope.
        services.AddDbContextFactory<TContext>(
            (sp, db) =>
            {
                configure(sp, db);
                db.AddInterceptors(sp.GetServices<IInterceptor>());

                // Capped counts take the first 10,001 matches in any order on purpose.
                db.ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
            },
            ServiceLifetime.Scoped);
        services.AddScoped<KontorDb>(sp => sp.GetRequiredService<TContext>());
        services.AddScoped<IDbContextFactory<KontorDb>>(sp => new KontorDbFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class KontorDbFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<KontorDb>
        where TContext : KontorDb
    {
        public KontorDb CreateDbContext() => inner.CreateDbContext();
    }

    /// <summary>
    /// Applies pending migrations. On SQLite the database file is first copied next to itself
    /// (<c>kontor.db.before-{migration}.bak</c>) so a failed upgrade can be rolled back by copying it back.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
        var log = scope.ServiceProvider.GetRequiredService<ILogger<KontorDb>>();
        // EF probes the migrations history table by querying it, which logs a failed command at error level on
        // a new PostgreSQL database; creating the (empty) table first keeps a first start free of false alarms.
        var history = db.GetService<IHistoryRepository>();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await ApplyMigrationsAsync(db, pending, log, ct);
        }

        await ApplyDatabaseObjectsAsync(db, scope.ServiceProvider.GetServices<IDatabaseObjects>(), ct);
    }

    private static async Task ApplyMigrationsAsync(KontorDb db, List<string> pending, ILogger log, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            if (File.Exists(file) && new FileInfo(file).Length > 0)
            {
                var backup = $"{file}.before-{pending[0]}.bak";
                await BackupSqliteAsync(db, backup, ct);
                PlatformLog.SqliteBackedUp(log, backup, pending.Count);
            }
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and the one writer work at the same time.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        PlatformLog.MigrationsApplied(log, pending.Count, db.ProviderName);
    }

    private static async Task ApplyDatabaseObjectsAsync(KontorDb db, IEnumerable<IDatabaseObjects> contributions, CancellationToken ct)
    {
        foreach (var objects in contributions)
        {
            var script = db.Database.IsNpgsql() ? objects.Postgres : objects.Sqlite;
            if (string.IsNullOrWhiteSpace(script))
            {
                continue;
            }

            try
            {
                await db.Database.ExecuteSqlRawAsync(script, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"The database objects '{objects.Name}' could not be created: {e.Message}", e);
            }
        }
    }

    /// <summary>A consistent copy even while the app has the file open (SQLite's VACUUM INTO).</summary>
    private static async Task BackupSqliteAsync(KontorDb db, string backup, CancellationToken ct)
    {
        if (File.Exists(backup))
        {
            File.Delete(backup);
        }

        await db.Database.ExecuteSqlAsync($"VACUUM INTO {backup}", ct);
    }
}
