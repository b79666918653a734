using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Logging;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Identity;

/// <summary>What is needed to create a user.</summary>
public sealed record NewUser(
    string Email,
    string FirstName,
    string LastName,
    IReadOnlyCollection<string> Roles,
    string Culture = "en-GB",
    Guid? ManagerId = null,
    Guid? SiteId = null,
    bool MfaRequired = false);

/// <summary>
/// Creates tenants and users and resets passwords. E-mail addresses are unique across tenants (users sign in
/// with their e-mail alone), so these operations run in an explicit system scope.
/// </summary>
public sealed class UserDirectory(
    KontorDb db,
    UserManager<KontorUser> users,
    SystemScope system,
    TimeProvider clock,
    ILogger<UserDirectory> log)
{
    /// <summary>Creates the fixed roles where they are missing.</summary>
    public async Task EnsureRolesAsync(CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Except(existing))
        {
            db.Roles.Add(new KontorRole(role!));
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<Tenant> CreateTenantAsync(string name, string defaultCountry, CancellationToken ct)
    {
        using (system.Enter("create tenant"))
        {
            if (await db.Tenants.AnyAsync(t => t.Name == name, ct))
            {
                throw RequestValidationException.For("name", $"A tenant named '{name}' already exists.");
            }

            var tenant = new Tenant(name, defaultCountry, clock.GetUtcNow());
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync(ct);
            return tenant;
        }
    }

    /// <summary>Creates a user; throws <see cref="RequestValidationException"/> for a taken e-mail, unknown role or weak password.</summary>
    public async Task<KontorUser> CreateUserAsync(Guid tenantId, NewUser details, string password, CancellationToken ct)
    {
        var unknownRoles = details.Roles.Except(Roles.All).ToList();
        if (unknownRoles.Count > 0)
        {
            throw RequestValidationException.For("roles", $"Unknown role(s): {string.Join(", ", unknownRoles)}. Known roles: {string.Join(", ", Roles.All)}.");
        }

        using (system.Enter("create user"))
        {
            if (await users.FindByEmailAsync(details.Email) is not null)
            {
                throw RequestValidationException.For("email", users.ErrorDescriber.DuplicateEmail(details.Email).Description);
            }

            var user = new KontorUser
            {
                TenantId = tenantId,
                UserName = details.Email,
                Email = details.Email,
                EmailConfirmed = true,
                FirstName = details.FirstName,
                LastName = details.LastName,
                Culture = details.Culture,
                ManagerId = details.ManagerId,
                SiteId = details.SiteId,
                MfaRequired = details.MfaRequired,
                CreatedAt = clock.GetUtcNow(),
            };

            ThrowIfFailed(await users.CreateAsync(user, password), "password");
            ThrowIfFailed(await users.AddToRolesAsync(user, details.Roles), "roles");
            PlatformLog.UserCreated(log, user.Id, details.Email, tenantId);
            return user;
        }
    }

    /// <summary>Sets a new password for the user with this e-mail, unlocks the account and ends its sessions.</summary>
    public async Task<bool> ResetPasswordAsync(string email, string newPassword, CancellationToken ct)
    {
        using (system.Enter("reset password"))
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                return false;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            ThrowIfFailed(await users.ResetPasswordAsync(user, token, newPassword), "password");
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }
    }

    public static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [field] = [.. result.Errors.Select(e => e.Description)],
            });
        }
    }
}
