using System.Security.Cryptography;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Logging;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Bootstrap;

/// <summary>The first tenant and its administrator; section <c>Kontor:Bootstrap</c>.</summary>
internal sealed class BootstrapOptions
{
    public const string Section = "Kontor:Bootstrap";

    public string TenantName { get; set; } = "Kontor";
    public string AdminEmail { get; set; } = "admin@kontor.local";

    /// <summary>When empty, a strong password is generated and printed once on the console.</summary>
    public string? AdminPassword { get; set; }
}

/// <summary>Prepares an empty database: roles, then the first tenant and its administrator.</summary>
internal sealed class Bootstrapper(KontorDb db, UserDirectory directory, SystemScope system, ILogger<Bootstrapper> log)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public async Task RunAsync(BootstrapOptions options, TextWriter console, CancellationToken ct)
    {
        await directory.EnsureRolesAsync(ct);
        using (system.Enter("bootstrap"))
        {
            if (await db.Tenants.AnyAsync(ct))
            {
                return;
            }
        }

        var password = string.IsNullOrWhiteSpace(options.AdminPassword) ? GeneratePassword() : options.AdminPassword;

        // Tenant and administrator together or neither: a tenant without its administrator would make every
        // later start skip bootstrapping.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tenant = await directory.CreateTenantAsync(options.TenantName, "DE", ct);
        await directory.CreateUserAsync(
            tenant.Id,
            new NewUser(options.AdminEmail, "Kontor", "Administrator", [Roles.Admin]),
            password,
            ct);
        await transaction.CommitAsync(ct);
        PlatformLog.TenantCreated(log, tenant.Id, tenant.Name, options.AdminEmail);

        if (string.IsNullOrWhiteSpace(options.AdminPassword))
        {
            // Written to the console, not the log: the log redacts personal data and may be shipped elsewhere.
            await console.WriteLineAsync($"""

                ================================================================
                 Kontor created tenant '{tenant.Name}' and its administrator.
                   E-mail:   {options.AdminEmail}
                   Password: {password}
                 This password is shown only once. Change it after signing in.
                ================================================================

                """);
        }
    }

    public static string GeneratePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 20);
}
