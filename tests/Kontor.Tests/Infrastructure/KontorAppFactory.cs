using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kontor.Tests.Infrastructure;

/// <summary>
/// Boots the real Kontor against a throwaway database: a temporary SQLite file, or a fresh PostgreSQL
/// database when <c>KONTOR_TEST_POSTGRES</c> holds a server connection string. One per test class.
/// </summary>
public class KontorAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Password-2026";
    public const string BootstrapAdminEmail = "bootstrap-admin@kontor.test";

    private static readonly string? PostgresServer = Environment.GetEnvironmentVariable("KONTOR_TEST_POSTGRES");
    private readonly string databaseName = "kontor_test_" + Guid.NewGuid().ToString("N");
    private readonly string sqliteFolder = Path.Combine(Path.GetTempPath(), "kontor-tests", Guid.NewGuid().ToString("N"));
    private readonly bool ownsDatabase = true;
    private int counter;

    public KontorAppFactory()
    {
    }

    /// <summary>A second app on the database of <paramref name="sameDatabase"/>, as after a restart; that app creates and drops the database.</summary>
    protected KontorAppFactory(KontorAppFactory sameDatabase)
    {
        databaseName = sameDatabase.databaseName;
        sqliteFolder = sameDatabase.sqliteFolder;
        ownsDatabase = false;
    }

    public static bool OnPostgres => !string.IsNullOrWhiteSpace(PostgresServer);

    /// <summary>Opens a connection to this app's database without the app, e.g. to look at it while the app is down.</summary>
    public System.Data.Common.DbConnection OpenDatabaseConnection()
    {
        System.Data.Common.DbConnection connection = OnPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = databaseName }.ToString())
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(sqliteFolder, "kontor.db")}");
        connection.Open();
        return connection;
    }

    /// <summary>Extra settings a derived factory wants (e.g. a tighter rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        if (OnPostgres && ownsDatabase)
        {
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Starts the host (migrations, bootstrap) before the first test.
        _ = Server;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!ownsDatabase)
        {
            GC.SuppressFinalize(this);
            return;
        }

        if (OnPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else if (Directory.Exists(sqliteFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Kontor:Bootstrap:TenantName", "Bootstrap tenant");
        builder.UseSetting("Kontor:Bootstrap:AdminEmail", BootstrapAdminEmail);
        builder.UseSetting("Kontor:Bootstrap:AdminPassword", Password);
        builder.UseSetting("Kontor:RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");

        // Every test database starts without keys; the warning that a new key is stored unencrypted is expected here.
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection", "Error");
        if (OnPostgres)
        {
            builder.UseSetting("Kontor:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Kontor", new NpgsqlConnectionStringBuilder(PostgresServer) { Database = databaseName }.ToString());
        }
        else
        {
            builder.UseSetting("Kontor:Database:Provider", "Sqlite");
            builder.UseSetting("Kontor:Database:SqlitePath", Path.Combine(sqliteFolder, "kontor.db"));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Every test creates and signs in users; the production work factor would dominate the suite's run time.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
            ConfigureTestServices(services);
        });
    }

    /// <summary>Replaces services for a derived factory (a fake clock, a capturing logger).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>A unique e-mail address for a test user.</summary>
    public string NewEmail(string who = "user") => $"{who}-{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}@kontor.test".ToLowerInvariant();

    /// <summary>Creates a tenant with one user in the given roles (Admin when none) and signs the user in.</summary>
    public async Task<TestUser> CreateTenantWithUserAsync(string name, params string[] roles)
    {
        var tenantId = await CreateTenantAsync(name);
        return await CreateUserAsync(tenantId, roles.Length == 0 ? [Roles.Admin] : roles);
    }

    /// <summary>Creates a tenant (its name made unique) whose phone numbers default to <paramref name="country"/>.</summary>
    public Task<Guid> CreateTenantAsync(string name, string country = "DE") =>
        WithServicesAsync(async services =>
            (await services.GetRequiredService<UserDirectory>().CreateTenantAsync($"{name} {Guid.NewGuid():N}", country, TestContext.Current.CancellationToken)).Id);

    /// <summary>Creates a user in a tenant and signs them in through the API.</summary>
    public async Task<TestUser> CreateUserAsync(Guid tenantId, string[] roles, Guid? managerId = null, string? email = null)
    {
        email ??= NewEmail(roles.FirstOrDefault()?.ToLowerInvariant() ?? "user");
        var user = await WithServicesAsync(services => services.GetRequiredService<UserDirectory>().CreateUserAsync(
            tenantId, new NewUser(email, "Test", roles.FirstOrDefault() ?? "User", roles, ManagerId: managerId), Password, TestContext.Current.CancellationToken));
        var client = await SignInAsync(email);
        return new TestUser(this, user.Id, tenantId, email, client);
    }

    /// <summary>An API client authenticated with a bearer token from <c>POST /api/auth/login</c>.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Runs arrangement code with the app's services in a fresh scope, outside any tenant.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs arrangement code inside a tenant with every access restriction lifted (like a background job).</summary>
    public async Task InTenantAsync(Guid tenantId, Func<KontorDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        scope.ServiceProvider.GetRequiredService<AccessScope>().Unrestrict();
        await work(scope.ServiceProvider.GetRequiredService<KontorDb>());
    }

    /// <summary>Reads or arranges data inside a tenant with every access restriction lifted.</summary>
    public async Task<T> InTenantAsync<T>(Guid tenantId, Func<KontorDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        scope.ServiceProvider.GetRequiredService<AccessScope>().Unrestrict();
        return await work(scope.ServiceProvider.GetRequiredService<KontorDb>());
    }

    /// <summary>Works on a user with Identity's user manager (MFA enrolment, lockout state) inside their tenant.</summary>
    public async Task<T> WithUserManagerAsync<T>(Guid tenantId, Guid userId, Func<UserManager<KontorUser>, KontorUser, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KontorUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"User {userId} not found.");
        return await work(users, user);
    }

    /// <summary>A client sending the given bearer token (an access token or a personal access token).</summary>
    public HttpClient CreateBearerClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

/// <summary>A signed-in user of a test tenant and their API client.</summary>
public sealed record TestUser(KontorAppFactory App, Guid Id, Guid TenantId, string Email, HttpClient Client);
