using System.Diagnostics;
using System.Globalization;
using Kontor.Benchmarks;
using Kontor.Features.Activities;
using Kontor.Features.Customers;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Integration;
using Kontor.Features.Integration.ImportExport.Imports;
using Kontor.Features.Sales;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Hosting;
using Kontor.Platform.Identity;
using Kontor.Platform.Search;
using Kontor.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

// Kontor against the database's own speed, on one deterministic data set (see docs/performance.md):
//   1. import of the contacts CSV through Kontor's import job vs Npgsql binary COPY of the same file into an
//      unlogged table without indexes (PostgreSQL), with the peak working set during the import;
//   2. contacts and accounts lists (first page, deep keyset page, search) through the slices vs their SQL replayed;
//   3. the global search (exact, prefix, typo) through the slice vs its SQL replayed.
//
//   dotnet run -c Release --project bench/Kontor.Benchmarks -- [--contacts 1000000] [--accounts 200000] [--rounds 100]
//       [--postgres "Host=127.0.0.1;Port=5432;Username=postgres"]   (a server; a throwaway database is created)
//       [--keep-database]   (leave the database behind to study query plans; its name or file is printed)
//       [--database NAME]   (measure the lists and searches, or the sales cases, again on a database an earlier run kept:
//                            a PostgreSQL database name, or with SQLite the file; no data is written)
//   dotnet run -c Release --project bench/Kontor.Benchmarks -- --opportunities 1000000 [--rounds 30] [--postgres "…"]
//       (instead: the opportunity board and the forecast of a tenant with that many opportunities; see SalesBenchmark)

var contacts = Option("--contacts", 1_000_000);
var accounts = Option("--accounts", Math.Max(1, contacts / 5));
var rounds = Option("--rounds", 100);
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
var keepDatabase = args.Contains("--keep-database");
var opportunities = Option("--opportunities", 0);
var folder = Path.Combine(Path.GetTempPath(), "kontor-bench-" + Guid.NewGuid().ToString("N"));
var reuse = args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault();
var database = reuse ?? "kontor_bench_" + Guid.NewGuid().ToString("N");
keepDatabase |= reuse is not null;
Directory.CreateDirectory(folder);

var builder = WebApplication.CreateBuilder();
builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
builder.Configuration["Kontor:Bootstrap:AdminPassword"] = "Bench-Password-2026";
builder.Configuration["Kontor:Imports:Folder"] = Path.Combine(folder, "imports");
string? connectionString = null;
if (postgres is null)
{
    builder.Configuration["Kontor:Database:Provider"] = "Sqlite";
    builder.Configuration["Kontor:Database:SqlitePath"] = reuse ?? Path.Combine(folder, "kontor.db");
}
else
{
    if (reuse is null)
    {
        await Admin(postgres, $"CREATE DATABASE \"{database}\"");
    }

    connectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
    builder.Configuration["Kontor:Database:Provider"] = "Postgres";
    builder.Configuration["ConnectionStrings:Kontor"] = connectionString;
}

var recorder = new SqlRecorder();
builder.AddKontorPlatform();
builder.Services.AddCustomers();
builder.Services.AddActivities();
builder.Services.AddSales();
builder.Services.AddIntegration(builder.Configuration);
builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(recorder);
await using var app = builder.Build();
try
{
    await app.PrepareDatabaseAsync();
    var keptUser = reuse is null ? null : await FindUserAsync(app.Services);
    if (reuse is not null && keptUser is null)
    {
        var kept = await SalesDataset.FindAsync(connectionString!);
        Console.WriteLine($"Kontor sales benchmark on PostgreSQL, kept database {database}: {rounds} rounds per case, {Environment.ProcessorCount} cores, {Environment.OSVersion}");
        await SalesBenchmark.MeasureAsync(recorder, rounds, kept.Team, id => () => SignedInAsAsync(kept.TenantId, id));
        return;
    }

    var (tenantId, userId) = keptUser ?? await CreateUserAsync(app.Services);
    if (opportunities > 0)
    {
        Console.WriteLine($"Kontor sales benchmark on {(postgres is null ? "SQLite" : "PostgreSQL")}: {opportunities:N0} opportunities, {rounds} rounds per case, "
            + $"{Environment.ProcessorCount} cores, {Environment.OSVersion}");
        await SalesBenchmark.RunAsync(app.Services, recorder, rounds, opportunities, tenantId, id => () => SignedInAsAsync(tenantId, id == Guid.Empty ? userId : id));
        return;
    }

    if (keptUser is null)
    {
        await ImportAndBaselinesAsync();
    }
    else
    {
        Console.WriteLine($"Kontor benchmark on {(postgres is null ? "SQLite" : "PostgreSQL")}, kept database {database}: {rounds} rounds per case, "
            + $"{Environment.ProcessorCount} cores, {Environment.OSVersion}");
    }

    var measure = new SliceVersusSql(recorder, rounds);
    Console.WriteLine();
    Console.WriteLine(SliceVersusSql.Header);
    var contactCursor = await MiddleCursorAsync<Contact>(c => c.SortName, ListContacts.Sorts[0].CursorAfter);
    var accountCursor = await MiddleCursorAsync<Account>(a => a.SortName, ListAccounts.Sorts[0].CursorAfter);
    await measure.RunAsync("contacts, first page by name", SignedInAsync, s => ListContactsAsync(s, new ListContactsRequest { Sort = "name" }));
    await measure.RunAsync("contacts, deep page by name", SignedInAsync, s => ListContactsAsync(s, new ListContactsRequest { Sort = "name", Cursor = contactCursor }));
    await measure.RunAsync("contacts, search 'müller'", SignedInAsync, s => ListContactsAsync(s, new ListContactsRequest { Search = "müller", Sort = "name" }));
    await measure.RunAsync("accounts, first page by name", SignedInAsync, s => ListAccountsAsync(s, new ListAccountsRequest { Sort = "name" }));
    await measure.RunAsync("accounts, deep page by name", SignedInAsync, s => ListAccountsAsync(s, new ListAccountsRequest { Sort = "name", Cursor = accountCursor }));
    await measure.RunAsync("accounts, search 'maschinenbau'", SignedInAsync, s => ListAccountsAsync(s, new ListAccountsRequest { Search = "maschinenbau", Sort = "name" }));
    await measure.RunAsync("global search 'schneider'", SignedInAsync, s => SearchAsync(s, "schneider"));
    await measure.RunAsync("global search prefix 'zimmerm'", SignedInAsync, s => SearchAsync(s, "zimmerm"));
    await measure.RunAsync("global search typo 'schnieder'", SignedInAsync, s => SearchAsync(s, "schnieder"));
    Console.WriteLine("Targets: p95 ratio at most 1.5 and slice p95 under 100 ms.");

    async Task ImportAndBaselinesAsync()
    {
        var accountsCsv = Path.Combine(folder, "accounts.csv");
        var contactsCsv = Path.Combine(folder, "contacts.csv");
        Dataset.WriteAccounts(accountsCsv, accounts);
        Dataset.WriteContacts(contactsCsv, contacts, accounts);
        Console.WriteLine($"Kontor benchmark on {(postgres is null ? "SQLite" : "PostgreSQL")}: {accounts:N0} accounts, {contacts:N0} contacts, "
            + $"{rounds} rounds per case, {Environment.ProcessorCount} cores, {Environment.OSVersion}");

        Console.WriteLine();
        Console.WriteLine("Import                              rows     seconds       rows/s   peak working set");
        await ImportAsync("accounts through Kontor", accountsCsv, ImportTarget.Accounts);
        var contactImport = await ImportAsync("contacts through Kontor", contactsCsv, ImportTarget.Contacts);
        if (connectionString is not null)
        {
            var (rows, elapsed) = await CopyBaseline.RunAsync(connectionString, contactsCsv, Dataset.ContactColumns);
            var copyRate = rows / elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"contacts by raw binary COPY",-30} {rows,10:N0} {elapsed.TotalSeconds,11:F1} {copyRate,12:N0}"));
            var (indexedRows, indexedElapsed) = await CopyBaseline.IndexedTableAsync(connectionString, "Contacts");
            var indexedRate = indexedRows / indexedElapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"contacts into an indexed copy",-30} {indexedRows,10:N0} {indexedElapsed.TotalSeconds,11:F1} {indexedRate,12:N0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Kontor's contact import reaches {contactImport / copyRate:P1} of the raw COPY rate (target: at least 25 %)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"and {contactImport / indexedRate:P0} of the rate at which the database itself fills a table with the Contacts table's indexes."));
        }
    }

    Task<AsyncServiceScope> SignedInAsync() => SignedInAsAsync(tenantId, userId);

    async Task<AsyncServiceScope> SignedInAsAsync(Guid tenantId, Guid user)
    {
        var scope = app.Services.CreateAsyncScope();
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, user.ToString()), new(KontorClaims.Tenant, tenantId.ToString())], "bench"));
        await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(principal, Channel.Api, CancellationToken.None);
        return scope;
    }

    async Task<double> ImportAsync(string name, string csv, ImportTarget target)
    {
        Guid jobId;
        await using (var scope = await SignedInAsync())
        {
            var services = scope.ServiceProvider;
            var storage = services.GetRequiredService<ImportStorage>();
            string stored;
            await using (var file = File.OpenRead(csv))
            {
                stored = await storage.SaveAsync(tenantId, file, CancellationToken.None) ?? throw new InvalidOperationException("The file is too large for the import.");
            }

            var started = await StartImport.ExecuteAsync(
                stored, Path.GetFileName(csv), new StartImportRequest { Target = target, AccountLink = target == ImportTarget.Contacts ? AccountLink.ExternalId : AccountLink.None, CreateDuplicates = true },
                services.GetRequiredService<KontorDb>(), services.GetRequiredService<CurrentUser>(), services.GetRequiredService<AccessScope>(), storage,
                services.GetRequiredService<ImportQueue>(), TimeProvider.System, services.GetRequiredService<IStringLocalizer<ImportExportText>>(), CancellationToken.None);
            jobId = started.Id;
        }

        using var memory = new PeakWorkingSet();
        var watch = Stopwatch.StartNew();
        await app.Services.GetRequiredService<ImportRunner>().RunAsync(new ImportJobRef(jobId, tenantId, userId), CancellationToken.None);
        watch.Stop();
        await using var check = await SignedInAsync();
        var job = await check.ServiceProvider.GetRequiredService<KontorDb>().ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        if (job.Status != ImportStatus.Completed || job.RejectedRows > 0)
        {
            throw new InvalidOperationException($"The {name} import ended {job.Status} with {job.RejectedRows} rejected rows: {job.Failure}");
        }

        var rate = job.CommittedRows / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-30} {job.CommittedRows,10:N0} {watch.Elapsed.TotalSeconds,11:F1} {rate,12:N0} {memory.Peak / 1048576.0,14:N0} MiB"));
        return rate;
    }

    async Task<string?> MiddleCursorAsync<T>(System.Linq.Expressions.Expression<Func<T, string>> sortName, Func<T, Kontor.Platform.Http.Paging.Cursor> cursorAfter)
        where T : class
    {
        await using var scope = await SignedInAsync();
        var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
        var count = await db.Set<T>().CountAsync();
        var middle = await db.Set<T>().AsNoTracking().OrderBy(sortName).ThenBy(e => EF.Property<Guid>(e, "Id")).Skip(count / 2).FirstAsync();
        return cursorAfter(middle).Encode();
    }
}
finally
{
    await app.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Npgsql.NpgsqlConnection.ClearAllPools();
    if (postgres is null && keepDatabase && reuse is null)
    {
        Console.WriteLine($"Database kept: {Path.Combine(folder, "kontor.db")}");
    }
    else
    {
        Directory.Delete(folder, recursive: true);
    }

    if (postgres is not null && keepDatabase)
    {
        Console.WriteLine($"Database kept: {database}");
    }
    else if (postgres is not null)
    {
        await Admin(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static async Task<bool> ListContactsAsync(IServiceProvider services, ListContactsRequest request)
{
    request.Limit = 50;
    var page = await ListContacts.ExecuteAsync(request, services.GetRequiredService<KontorDb>(), services.GetRequiredService<CurrentUser>(), CancellationToken.None);
    return page.Items.Count > 0;
}

static async Task<bool> ListAccountsAsync(IServiceProvider services, ListAccountsRequest request)
{
    request.Limit = 50;
    var page = await ListAccounts.ExecuteAsync(request, services.GetRequiredService<KontorDb>(), services.GetRequiredService<CurrentUser>(), CancellationToken.None);
    return page.Items.Count > 0;
}

static async Task<bool> SearchAsync(IServiceProvider services, string q)
{
    var found = await GlobalSearch.ExecuteAsync(
        new GlobalSearchRequest { Q = q }, services.GetRequiredService<KontorDb>(), services.GetServices<IGlobalSearchSource>(),
        services.GetRequiredService<AccessScope>(), CancellationToken.None);
    return found.Groups.Any(g => g.Items.Count > 0);
}

static async Task Admin(string server, string sql)
{
    await using var connection = new Npgsql.NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var command = new Npgsql.NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

// The user CreateUserAsync made in a kept database, if it holds the customer data set.
static async Task<(Guid TenantId, Guid UserId)?> FindUserAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var user = await scope.ServiceProvider.GetRequiredService<KontorDb>().Users.IgnoreQueryFilters()
        .Where(u => u.Email == "bench@kontor.test").Select(u => new { u.TenantId, u.Id }).SingleOrDefaultAsync();
    return user is null ? null : (user.TenantId, user.Id);
}

static async Task<(Guid TenantId, Guid UserId)> CreateUserAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
    var tenant = await directory.CreateTenantAsync("Benchmark GmbH", "DE", CancellationToken.None);
    var user = await directory.CreateUserAsync(tenant.Id, new NewUser("bench@kontor.test", "Bench", "Mark", [Roles.SalesRep]), "Bench-Password-2026", CancellationToken.None);
    return (tenant.Id, user.Id);
}

/// <summary>Samples the process's working set every 50 ms while alive and keeps the highest value.</summary>
internal sealed class PeakWorkingSet : IDisposable
{
    private readonly Timer timer;
    private long peak;

    public PeakWorkingSet()
    {
        timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public long Peak => Interlocked.Read(ref peak);

    public void Dispose()
    {
        timer.Dispose();
        Sample();
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var current = process.WorkingSet64;
        long seen;
        while (current > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, current, seen) != seen)
        {
        }
    }
}
