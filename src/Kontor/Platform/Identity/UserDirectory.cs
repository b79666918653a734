using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Logging;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
/// Creates tenants and users, resets passwords and ends users' sessions. E-mail addresses are unique across
/// tenants (users sign in with their e-mail alone), so the look-ups by e-mail run in an explicit system scope.
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

            // Saved with the role assignment.
            AuditTrail.RecordInTenant(db, tenantId, AuditAction.PermissionChange, new Records.RecordRef("user", user.Id), new { change = "user-created", roles = details.Roles });
            ThrowIfFailed(await users.AddToRolesAsync(user, details.Roles), "roles");
            PlatformLog.UserCreated(log, user.Id, details.Email, tenantId);
            return user;
        }
    }

    /// <summary>
    /// Sets a new password for the user with this e-mail, unlocks the account and ends its sessions and personal
    /// access tokens (<see cref="EndSessionsAsync"/>).
    /// </summary>
    public async Task<bool> ResetPasswordAsync(string email, string newPassword, CancellationToken ct)
    {
        using (system.Enter("reset password"))
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                return false;
            }

            // Before the transaction: the token may need a new data-protection key, which is stored through a
            // context of its own and would wait for this transaction's write lock on SQLite.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await using var transaction = await BeginTransactionUnlessOpenAsync(ct);
            ThrowIfFailed(await users.ResetPasswordAsync(user, token, newPassword), "password");
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            ThrowIfFailed(await EndSessionsAsync(user, ct), "password");
            await CommitAsync(transaction, ct);
            return true;
        }
    }

    /// <summary>
    /// Changes the user's password after the caller confirmed the current one, and ends the user's sessions and
    /// personal access tokens (<see cref="EndSessionsAsync"/>), all or nothing.
    /// </summary>
    public async Task<IdentityResult> ChangePasswordAsync(KontorUser user, string currentPassword, string newPassword, CancellationToken ct)
    {
        await using var transaction = await BeginTransactionUnlessOpenAsync(ct);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded)
        {
            result = await EndSessionsAsync(user, ct);
        }

        if (result.Succeeded)
        {
            await CommitAsync(transaction, ct);
        }

        return result;
    }

    /// <summary>
    /// Ends everything the user is signed in with: renews the security stamp (sign-in cookies, bearer and refresh
    /// tokens stop working at the next request) and revokes all the user's personal access tokens, which carry no
    /// stamp. Call it whenever the user's credentials or sign-in name change or the user is deactivated. The
    /// user must be tracked by this directory's context; call it in the user's tenant or in a system scope. It
    /// joins the caller's transaction, else runs in its own. A failed <see cref="IdentityResult"/> (e.g. a
    /// concurrency failure when the user changed since it was read) changes nothing.
    /// </summary>
    public async Task<IdentityResult> EndSessionsAsync(KontorUser user, CancellationToken ct)
    {
        await using var transaction = await BeginTransactionUnlessOpenAsync(ct);

        // The stamp first: Identity saves the user with every pending change of the caller, and checks its concurrency stamp.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return result;
        }

        var now = clock.GetUtcNow();
        var tokens = await db.PersonalAccessTokens
            .Where(t => t.TenantId == user.TenantId && t.UserId == user.Id && t.RevokedAt == null)
            .ToListAsync(ct);
        foreach (var token in tokens)
        {
            token.Revoke(now);
        }

        await db.SaveChangesAsync(ct);
        await CommitAsync(transaction, ct);
        if (tokens.Count > 0)
        {
            CredentialLog.TokensRevokedWithSessions(log, user.Id, tokens.Count);
        }

        return result;
    }

    /// <summary>A transaction of its own, or null when the caller already opened one that this work joins.</summary>
    private async Task<IDbContextTransaction?> BeginTransactionUnlessOpenAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    private static async Task CommitAsync(IDbContextTransaction? transaction, CancellationToken ct)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Switches two-factor sign-in off and discards the authenticator key and its recovery codes (which must not
    /// outlive the authenticator they were printed for). Renews the security stamp.
    /// </summary>
    public static async Task<IdentityResult> TurnOffAuthenticatorAsync(UserManager<KontorUser> users, KontorUser user)
    {
        user.TwoFactorEnabled = false;
        var result = await users.ResetAuthenticatorKeyAsync(user);
        if (!result.Succeeded)
        {
            return result;
        }

        return await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null ? IdentityResult.Failed() : IdentityResult.Success;
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
