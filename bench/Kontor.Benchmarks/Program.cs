using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Kontor.Features.Customers;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Hosting;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

// Measures the accounts list through Kontor's slice (access filters, keyset paging, capped count, projection)
// against the very SQL the slice sends, replayed directly on the same connection, and prints the ratio.
//
//   dotnet run -c Release --project bench/Kontor.Benchmarks -- [--accounts 50000] [--rounds 200]
//       [--postgres "Host=127.0.0.1;Port=5432;Username=postgres"]   (a server; a throwaway database is created)

var accounts = Option("--accounts", 50_000);
var rounds = Option("--rounds", 200);
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
var folder = Path.Combine(Path.GetTempPath(), "kontor-bench-" + Guid.NewGuid().ToString("N"));
var database = "kontor_bench_" + Guid.NewGuid().ToString("N");

var builder = WebApplication.CreateBuilder();
builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
builder.Configuration["Kontor:Bootstrap:AdminPassword"] = "Bench-Password-2026";
if (postgres is null)
{
    builder.Configuration["Kontor:Database:Provider"] = "Sqlite";
    builder.Configuration["Kontor:Database:SqlitePath"] = Path.Combine(folder, "kontor.db");
}
else
{
    await Admin(postgres, $"CREATE DATABASE \"{database}\"");
    builder.Configuration["Kontor:Database:Provider"] = "Postgres";
    builder.Configuration["ConnectionStrings:Kontor"] = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
}

var recorder = new SqlRecorder();
builder.AddKontorPlatform();
builder.Services.AddCustomers();
builder.Services.AddSingleton<IInterceptor>(recorder);
await using var app = builder.Build();
try
{
    await app.PrepareDatabaseAsync();
    var (tenantId, user) = await SeedAsync(app.Services, accounts);
    Console.WriteLine($"Kontor list benchmark on {(postgres is null ? "SQLite" : "PostgreSQL")}: {accounts:N0} accounts, {rounds} rounds each, {Environment.ProcessorCount} cores");
    Console.WriteLine($"{"Case",-28} {"slice p50",10} {"slice p95",10} {"SQL p50",10} {"SQL p95",10} {"p95 ratio",10}");

    string? middle = null;
    await Run("first page by name", new ListAccountsRequest { Sort = "name" });
    await Run("deep page by name", new ListAccountsRequest { Sort = "name", Cursor = middle });
    await Run("search 'gmbh' by name", new ListAccountsRequest { Search = "gmbh", Sort = "name" });
    await Run("newest first", new ListAccountsRequest { Sort = "-createdAt" });

    async Task Run(string name, ListAccountsRequest request)
    {
        request.Limit = 50;
        var slice = new List<double>();
        var direct = new List<double>();
        for (var round = 0; round < rounds + 5; round++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await LoadUserAsync(scope.ServiceProvider, tenantId, user);
            var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
            var currentUser = scope.ServiceProvider.GetRequiredService<CurrentUser>();

            recorder.Start();
            var watch = Stopwatch.StartNew();
            var page = await ListAccounts.ExecuteAsync(request, db, currentUser, CancellationToken.None);
            watch.Stop();
            var commands = recorder.Stop();
            middle ??= await MiddleCursorAsync(db, currentUser, accounts);

            // The replay opens the pooled connection once; EF opens and closes it around each command, so the
            // baseline is, if anything, a little faster than what the slice could ever reach.
            var connection = db.Database.GetDbConnection();
            var replay = Stopwatch.StartNew();
            await connection.OpenAsync();
            foreach (var command in commands)
            {
                await using var sql = connection.CreateCommand();
                sql.CommandText = command.Text;
                foreach (var (parameterName, value) in command.Parameters)
                {
                    var parameter = sql.CreateParameter();
                    parameter.ParameterName = parameterName;
                    parameter.Value = value;
                    sql.Parameters.Add(parameter);
                }

                await using var reader = await sql.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        _ = reader.GetValue(i);
                    }
                }
            }

            await connection.CloseAsync();
            replay.Stop();
            if (round >= 5 && page.Items.Count > 0)
            {
                slice.Add(watch.Elapsed.TotalMilliseconds);
                direct.Add(replay.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {P(slice, 50),10:F2} {P(slice, 95),10:F2} {P(direct, 50),10:F2} {P(direct, 95),10:F2} {P(slice, 95) / P(direct, 95),10:F2}"));
    }
}
finally
{
    await app.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Npgsql.NpgsqlConnection.ClearAllPools();
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }

    if (postgres is not null)
    {
        await Admin(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
}

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static async Task Admin(string server, string sql)
{
    await using var connection = new Npgsql.NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var command = new Npgsql.NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<(Guid TenantId, Guid UserId)> SeedAsync(IServiceProvider services, int count)
{
    await using var scope = services.CreateAsyncScope();
    var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
    var tenant = await directory.CreateTenantAsync("Benchmark GmbH", "DE", CancellationToken.None);
    var user = await directory.CreateUserAsync(tenant.Id, new NewUser("bench@kontor.test", "Bench", "Mark", [Roles.SalesRep]), "Bench-Password-2026", CancellationToken.None);
    scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant.Id);
    var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
    var random = new Random(2026);
    string[] names = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"];
    string[] forms = ["GmbH", "AG", "KG", "GmbH & Co. KG", "SE"];
    for (var done = 0; done < count; done += 5_000)
    {
        for (var i = done; i < Math.Min(count, done + 5_000); i++)
        {
            db.Accounts.Add(new Account(new AccountFields(
                $"{names[random.Next(names.Length)]} {i:D6} {forms[random.Next(forms.Length)]}",
                null, "Industrie", null, null, null, null,
                new PostalAddress { City = "Stuttgart", Country = "DE" }, PostalAddress.Empty, null, user.Id, null, null)));
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    return (tenant.Id, user.Id);
}

static async Task LoadUserAsync(IServiceProvider services, Guid tenantId, Guid userId)
{
    var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.NameIdentifier, userId.ToString()), new(KontorClaims.Tenant, tenantId.ToString())], "bench"));
    await services.GetRequiredService<CurrentUserLoader>().LoadAsync(principal, Channel.Api, CancellationToken.None);
}

static async Task<string?> MiddleCursorAsync(KontorDb db, CurrentUser user, int count)
{
    var middle = await db.Accounts.AsNoTracking().OrderBy(a => a.SortName).ThenBy(a => a.Id).Skip(count / 2).FirstAsync();
    return ListAccounts.Sorts[0].CursorAfter(middle).Encode();
}

/// <summary>Records the SQL and parameters of the commands EF sends while recording.</summary>
internal sealed class SqlRecorder : DbCommandInterceptor
{
    private List<(string Text, List<(string, object)> Parameters)>? recorded;

    public void Start() => recorded = [];

    public List<(string Text, List<(string, object)> Parameters)> Stop()
    {
        var commands = recorded ?? [];
        recorded = null;
        return commands;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        recorded?.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value))]));
        return ValueTask.FromResult(result);
    }
}
