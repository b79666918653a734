using System.Net;
using Kontor.Platform.Cli;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Cli;

/// <summary>
/// The admin CLI reads its database from the environment, which is process-wide: these tests run alone, and on a
/// SQLite file of their own also when the rest of the suite runs on PostgreSQL (the CLI code is the same for both).
/// </summary>
[CollectionDefinition(nameof(AdminCliTests), DisableParallelization = true)]
public sealed class AdminCliCollection;

[Collection(nameof(AdminCliTests))]
public sealed class AdminCliTests(AdminCliTests.CliDatabase database) : IClassFixture<AdminCliTests.CliDatabase>
{
    private const string StrongPassword = "Operator-Password-2026";

    [Fact]
    public async Task CreateTenant_WithAdministrator_Exits0AndTheAdministratorCanSignIn()
    {
        var tenant = $"Acme {Guid.NewGuid():N}";
        var email = NewEmail();

        var result = await RunAsync("create-tenant", "--name", tenant, "--admin-email", email, "--admin-password", StrongPassword, "--country", "at");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Created tenant '{tenant}'", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);

        await using var app = new AppOnCliDatabase(database.Path);
        await app.InitializeAsync();
        var tokens = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = StrongPassword }).ExpectAsync(HttpStatusCode.OK);
        var admin = app.CreateBearerClient(tokens.Str("accessToken"));
        var account = await admin.CreateAccountAsync(new { name = "Wiener Firma", phone = "01 5880 0" });
        Assert.StartsWith("+431", account.Str("phone"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_InExistingTenant_Exits0AndResetPasswordFindsTheUser()
    {
        var tenant = await CreateTenantAsync();
        var email = NewEmail();

        var created = await RunAsync("create-user", "--tenant", tenant, "--email", email, "--password", StrongPassword, "--first-name", "Rita", "--last-name", "Rep", "--role", "SalesRep", "--role", "TeamLead");
        var reset = await RunAsync("reset-password", "--email", email, "--password", "Another-Password-2026");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains($"in tenant '{tenant}'", created.Output, StringComparison.Ordinal);
        Assert.Equal(0, reset.ExitCode);
        Assert.Contains("Password reset", reset.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_OnTheConfiguredDatabase_Exits0()
    {
        var result = await RunAsync("migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("up to date", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(database.Path));
    }

    [Theory]
    [InlineData("create-tenant", "--name", "Acme")]
    [InlineData("create-user", "--tenant", "Acme", "--email", "a@b.example", "--password", StrongPassword)]
    [InlineData("reset-password", "--email", "a@b.example")]
    public async Task Command_WithoutARequiredOption_Exits1NamingIt(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--", result.Error, StringComparison.Ordinal);
        Assert.Contains("required", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreateUser_WithUnknownRole_Exits1NamingTheRole()
    {
        var result = await RunAsync("create-user", "--tenant", "Acme", "--email", NewEmail(), "--password", StrongPassword, "--role", "Boss");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Boss", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_WithTakenEmail_Exits1SayingSo()
    {
        var tenant = await CreateTenantAsync();
        var email = NewEmail();
        Assert.Equal(0, (await RunAsync("create-user", "--tenant", tenant, "--email", email, "--password", StrongPassword, "--role", "SalesRep")).ExitCode);

        var result = await RunAsync("create-user", "--tenant", tenant, "--email", email.ToUpperInvariant(), "--password", StrongPassword, "--role", "SalesRep");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already exists", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_WithWeakPassword_Exits1ExplainingThePasswordRule()
    {
        var tenant = await CreateTenantAsync();

        var result = await RunAsync("create-user", "--tenant", tenant, "--email", NewEmail(), "--password", "short", "--role", "SalesRep");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("password", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("12", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_InUnknownTenant_Exits1NamingTheTenant()
    {
        var result = await RunAsync("create-user", "--tenant", "Nobody Inc", "--email", NewEmail(), "--password", StrongPassword, "--role", "SalesRep");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no tenant named 'Nobody Inc'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_ForUnknownEmail_Exits1SayingSo()
    {
        var result = await RunAsync("reset-password", "--email", NewEmail(), "--password", StrongPassword);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no user", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTenant_WithUnknownCountry_Exits1NamingIt()
    {
        var result = await RunAsync("create-tenant", "--name", $"Acme {Guid.NewGuid():N}", "--admin-email", NewEmail(), "--admin-password", StrongPassword, "--country", "Germany");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'Germany' is not an ISO 3166 country code", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTenant_WhenTheAdministratorIsRefused_LeavesNoTenantBehind()
    {
        var name = $"Acme {Guid.NewGuid():N}";

        var refused = await RunAsync("create-tenant", "--name", name, "--admin-email", NewEmail(), "--admin-password", "short");
        var retried = await RunAsync("create-tenant", "--name", name, "--admin-email", NewEmail(), "--admin-password", StrongPassword);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("password", refused.Error, StringComparison.Ordinal);
        Assert.True(retried.ExitCode == 0, retried.Error);
    }

    [Fact]
    public async Task VerifyAudit_OnUntouchedLogs_Exits0ReportingEachTenantIntact()
    {
        var tenant = await CreateTenantAsync();

        var all = await RunAsync("verify-audit");
        var one = await RunAsync("verify-audit", "--tenant", tenant);

        // Other tests of this class break chains on purpose: the run over all tenants is checked for this tenant's line.
        Assert.Matches($"Tenant '{tenant}' \\([0-9a-f-]{{36}}\\): intact", all.Output);
        Assert.Matches("[0-9]+ of [0-9]+ audit chains intact\\.", all.Output);
        Assert.Equal(0, one.ExitCode);
        Assert.Matches($"Tenant '{tenant}' \\([0-9a-f-]{{36}}\\): intact, [1-9][0-9]* entries, head [1-9][0-9]* [0-9a-f]{{64}}", one.Output);
        Assert.Contains("1 of 1 audit chains intact.", one.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAudit_AfterAnEntryWasChangedInTheFile_Exits2NamingTheSequence()
    {
        var tenant = await CreateTenantAsync();
        var tenantId = await TenantIdAsync(tenant);
        await ExecuteOnFileAsync(
            "DROP TRIGGER \"AuditEntries_append_only_update\";"
            + $"UPDATE \"AuditEntries\" SET \"Detail\" = '{{}}' WHERE \"Sequence\" = 1 AND \"TenantId\" = '{tenantId.ToString().ToUpperInvariant()}';");

        var result = await RunAsync("verify-audit", "--tenant", tenantId.ToString());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Tenant '{tenant}' ({tenantId}): BROKEN at sequence 1:", result.Output, StringComparison.Ordinal);
        Assert.Contains("0 of 1 audit chains intact.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAudit_ForUnknownTenant_Exits1NamingIt()
    {
        var result = await RunAsync("verify-audit", "--tenant", "Nobody Inc");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no tenant named 'Nobody Inc'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_Exits1()
    {
        var result = await RunAsync("delete-everything");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("delete-everything", result.Error, StringComparison.Ordinal);
    }

    private static string NewEmail() => $"operator-{Guid.NewGuid():N}@kontor.test";

    private async Task<string> CreateTenantAsync()
    {
        var name = $"Tenant {Guid.NewGuid():N}";
        var result = await RunAsync("create-tenant", "--name", name, "--admin-email", NewEmail(), "--admin-password", StrongPassword);
        Assert.True(result.ExitCode == 0, result.Error);
        return name;
    }

    private async Task<Guid> TenantIdAsync(string name)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Tenants\" WHERE \"Name\" = $name";
        command.Parameters.AddWithValue("$name", name);
        return Guid.Parse((string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    /// <summary>Runs SQL on the CLI's database file directly, as someone with access to the file could.</summary>
    private async Task ExecuteOnFileAsync(string sql)
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database.Path}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        // Later commands of these tests start the app again, which puts the protection back.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCli.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A SQLite file for the CLI, named to it through the environment as an operator would; restored afterwards.</summary>
    public sealed class CliDatabase : IDisposable
    {
        private static readonly string[] Variables = ["Kontor__Database__Provider", "Kontor__Database__SqlitePath", "ConnectionStrings__Kontor"];
        private readonly Dictionary<string, string?> saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kontor-cli-tests", Guid.NewGuid().ToString("N"));

        public CliDatabase()
        {
            Directory.CreateDirectory(folder);
            Environment.SetEnvironmentVariable("Kontor__Database__Provider", "Sqlite");
            Environment.SetEnvironmentVariable("Kontor__Database__SqlitePath", Path);
            Environment.SetEnvironmentVariable("ConnectionStrings__Kontor", null);
        }

        public string Path => System.IO.Path.Combine(folder, "kontor.db");

        public void Dispose()
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The web app on the database the CLI prepared.</summary>
    private sealed class AppOnCliDatabase(string path) : KontorAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Kontor:Database:Provider"] = "Sqlite",
            ["Kontor:Database:SqlitePath"] = path,
            ["ConnectionStrings:Kontor"] = "",
        };
    }
}
