using System.CommandLine;
using Kontor.Platform.Data;
using Kontor.Platform.Hosting;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Cli;

/// <summary>
/// <c>dotnet run --project src/Kontor -- admin …</c>: operator commands against the configured database
/// (same configuration as the web app: appsettings, environment variables).
/// </summary>
public static class AdminCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;

        var name = new Option<string>("--name") { Description = "Name of the tenant (the customer organisation)", Required = true };
        var adminEmail = new Option<string>("--admin-email") { Description = "E-mail address of the tenant's first administrator", Required = true };
        var adminPassword = new Option<string>("--admin-password") { Description = "Password of the administrator (at least 12 characters)", Required = true };
        var country = new Option<string>("--country") { Description = "ISO country for phone numbers without country code", DefaultValueFactory = _ => "DE" };
        var createTenant = new Command("create-tenant", "Create a tenant with its first administrator") { name, adminEmail, adminPassword, country };
        createTenant.SetAction((result, ct) => RunInAppAsync(output, error, async services =>
        {
            var directory = services.GetRequiredService<UserDirectory>();
            await directory.EnsureRolesAsync(ct);

            // A tenant without its administrator would be unusable and block a corrected retry (names are unique).
            await using var transaction = await services.GetRequiredService<KontorDb>().Database.BeginTransactionAsync(ct);
            var tenant = await directory.CreateTenantAsync(result.GetRequiredValue(name), CountryOption(result.GetRequiredValue(country)), ct);
            await directory.CreateUserAsync(
                tenant.Id,
                new NewUser(result.GetRequiredValue(adminEmail), "", "Administrator", [Access.Roles.Admin]),
                result.GetRequiredValue(adminPassword),
                ct);
            await transaction.CommitAsync(ct);
            await output.WriteLineAsync($"Created tenant '{tenant.Name}' ({tenant.Id}) and its administrator.");
        }));

        var tenantName = new Option<string>("--tenant") { Description = "Name of the tenant the user belongs to", Required = true };
        var email = new Option<string>("--email") { Description = "E-mail address; the user signs in with it", Required = true };
        var password = new Option<string>("--password") { Description = "Password (at least 12 characters)", Required = true };
        var firstName = new Option<string>("--first-name") { Description = "First name", DefaultValueFactory = _ => "" };
        var lastName = new Option<string>("--last-name") { Description = "Last name", DefaultValueFactory = _ => "" };
        var roles = new Option<string[]>("--role") { Description = $"Role, repeatable: {string.Join(", ", Access.Roles.All)}", Required = true, AllowMultipleArgumentsPerToken = true };
        roles.AcceptOnlyFromAmong([.. Access.Roles.All]);
        var createUser = new Command("create-user", "Create a user in a tenant") { tenantName, email, password, firstName, lastName, roles };
        createUser.SetAction((result, ct) => RunInAppAsync(output, error, async services =>
        {
            var tenant = await FindTenantAsync(services, result.GetRequiredValue(tenantName), ct);
            var user = await services.GetRequiredService<UserDirectory>().CreateUserAsync(
                tenant.Id,
                new NewUser(result.GetRequiredValue(email), result.GetValue(firstName) ?? "", result.GetValue(lastName) ?? "", result.GetRequiredValue(roles)),
                result.GetRequiredValue(password),
                ct);
            await output.WriteLineAsync($"Created user {user.Id} in tenant '{tenant.Name}'.");
        }));

        var resetEmail = new Option<string>("--email") { Description = "E-mail address of the user", Required = true };
        var newPassword = new Option<string>("--password") { Description = "The new password (at least 12 characters)", Required = true };
        var resetPassword = new Command("reset-password", "Set a new password, unlock the account and end its sessions") { resetEmail, newPassword };
        resetPassword.SetAction((result, ct) => RunInAppAsync(output, error, async services =>
        {
            if (!await services.GetRequiredService<UserDirectory>().ResetPasswordAsync(result.GetRequiredValue(resetEmail), result.GetRequiredValue(newPassword), ct))
            {
                throw new CliException("There is no user with this e-mail address.");
            }

            await output.WriteLineAsync("Password reset; the user's sessions and tokens from before are no longer valid.");
        }));

        var migrate = new Command("migrate", "Apply pending database migrations (the web app also does this at start-up)");
        migrate.SetAction((_, _) => RunInAppAsync(output, error, async _ => await output.WriteLineAsync("The database is up to date.")));

        var auditTenant = new Option<string>("--tenant") { Description = "Name or id of the tenant to check; all tenants when left out" };
        var verifyAudit = new Command("verify-audit", "Check that the audit log of each tenant is an unbroken hash chain (exit code 2 when one is broken)") { auditTenant };
        verifyAudit.SetAction((result, ct) => RunInAppAsync(output, error, services => VerifyAuditAsync(services, result.GetValue(auditTenant), output, ct)));

        var root = new RootCommand("Kontor administration: manage tenants and users, migrate the database, verify the audit log.")
        {
            createTenant,
            createUser,
            resetPassword,
            migrate,
            verifyAudit,
        };

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static string CountryOption(string country) =>
        Validation.Countries.IsValid(country.ToUpperInvariant()) ? country.ToUpperInvariant() : throw new CliException($"'{country}' is not an ISO 3166 country code.");

    private static async Task<Tenancy.Tenant> FindTenantAsync(IServiceProvider services, string name, CancellationToken ct)
    {
        using (services.GetRequiredService<SystemScope>().Enter("admin CLI: find tenant"))
        {
            return await services.GetRequiredService<KontorDb>().Tenants.SingleOrDefaultAsync(t => t.Name == name, ct)
                ?? throw new CliException($"There is no tenant named '{name}'.");
        }
    }

    /// <summary>Checks the chains of one or all tenants and prints one line per tenant; 0 when all are intact, 2 otherwise.</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services, string? tenantOption, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<KontorDb>();
        using (services.GetRequiredService<SystemScope>().Enter("admin CLI: verify audit log"))
        {
            var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
            if (tenantOption is not null)
            {
                tenants = [.. tenants.Where(t => t.Name == tenantOption || (Guid.TryParse(tenantOption, out var id) && t.Id == id))];
                if (tenants.Count == 0)
                {
                    throw new CliException($"There is no tenant named '{tenantOption}' or with this id.");
                }
            }

            var broken = 0;
            foreach (var tenant in tenants)
            {
                var result = await Audit.AuditChainVerifier.VerifyAsync(db, tenant.Id, ct);
                if (result.IsIntact)
                {
                    await output.WriteLineAsync(FormattableString.Invariant(
                        $"Tenant '{tenant.Name}' ({tenant.Id}): intact, {result.Entries} entries, head {result.HeadSequence} {result.HeadHash ?? "-"}; {result.Redacted} redacted after retention, {result.FormatV1} of format v1"));
                }
                else
                {
                    broken++;
                    await output.WriteLineAsync(FormattableString.Invariant(
                        $"Tenant '{tenant.Name}' ({tenant.Id}): BROKEN at sequence {result.BrokenAt}: {Describe(result.Reason)}"));
                }
            }

            await output.WriteLineAsync(FormattableString.Invariant($"{tenants.Count - broken} of {tenants.Count} audit chains intact."));
            return broken == 0 ? 0 : 2;
        }
    }

    private static string Describe(Audit.AuditBreak? reason) => reason switch
    {
        Audit.AuditBreak.HashMismatch => "the entry's hash does not match its fields (the entry was changed)",
        Audit.AuditBreak.SequenceGap => "the sequence number is missing (an entry was deleted)",
        Audit.AuditBreak.PreviousHashMismatch => "the entry does not point to the hash of the entry before it",
        Audit.AuditBreak.UncoveredRedaction => "personal fields were removed without a redaction record that counts the entry",
        null or _ => "unknown",
    };

    private static Task<int> RunInAppAsync(TextWriter output, TextWriter error, Func<IServiceProvider, Task> command) =>
        RunInAppAsync(output, error, async services =>
        {
            await command(services);
            return 0;
        });

    /// <summary>Builds the application's services (not its web server), migrates, runs the command; maps failures to exit code 1.</summary>
    private static async Task<int> RunInAppAsync(TextWriter output, TextWriter error, Func<IServiceProvider, Task<int>> command)
    {
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
            builder.AddKontorPlatform();
            await using var app = builder.Build();
            await DataModule.MigrateAsync(app.Services, CancellationToken.None);
            await using var scope = app.Services.CreateAsyncScope();
            return await command(scope.ServiceProvider);
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                await error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            }

            return 1;
        }
        catch (CliException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private sealed class CliException(string message) : Exception(message);
}
