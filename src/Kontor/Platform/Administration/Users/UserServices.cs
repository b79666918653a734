using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Users;

/// <summary>
/// What the user slices work with: one database context, Identity's user manager and the user directory bound
/// to that same context, the system scope and the clock. Endpoints receive it with <c>[AsParameters]</c>;
/// interactive pages build one per operation with <see cref="For"/>.
/// </summary>
internal sealed record UserServices(
    KontorDb Db, UserManager<KontorUser> Users, UserDirectory Directory, SystemScope SystemScope, TimeProvider Clock, AuditTrail Audit, ILogger<UserServices> Log)
{
    /// <summary>Binds a user manager and directory to a context the caller created (and disposes).</summary>
    public static UserServices For(KontorDb db, IServiceProvider services)
    {
        var store = new UserStore<KontorUser, KontorRole, KontorDb, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
            IdentityUserLogin<Guid>, IdentityUserToken<Guid>, IdentityRoleClaim<Guid>>(db, services.GetService<IdentityErrorDescriber>());
        var users = ActivatorUtilities.CreateInstance<UserManager<KontorUser>>(services, store);
        var directory = ActivatorUtilities.CreateInstance<UserDirectory>(services, db, users);
        return new UserServices(
            db, users, directory, services.GetRequiredService<SystemScope>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<AuditTrail>(),
            services.GetRequiredService<ILogger<UserServices>>());
    }

    /// <summary>A user of the caller's tenant, tracked for a change; null when there is none with this id.</summary>
    internal Task<KontorUser?> FindAsync(Guid id, CancellationToken ct) => Db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>True when any user, of any organisation, signs in with this e-mail address.</summary>
    internal async Task<bool> IsEmailTakenAsync(string email, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();

        // Users sign in with their e-mail alone, so an address is unique across tenants.
        using (SystemScope.Enter("check that an e-mail address is free"))
        {
            return await Users.FindByEmailAsync(email) is not null;
        }
    }

    /// <summary>
    /// Saves a change of a user through Identity: its errors become field errors on <paramref name="field"/>,
    /// a write by someone else since the user was read becomes 412.
    /// </summary>
    internal async Task SaveAsync(KontorUser user, Func<UserManager<KontorUser>, Task<IdentityResult>> write, string field, CancellationToken ct)
    {
        var result = await write(Users);
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            var current = await Db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.ConcurrencyStamp).SingleOrDefaultAsync(ct);
            throw new PreconditionFailedException(ETags.For(current));
        }

        UserDirectory.ThrowIfFailed(result, field);
    }

    /// <summary>Saves the changed properties of the user and renews its concurrency stamp (the ETag).</summary>
    internal Task UpdateAsync(KontorUser user, CancellationToken ct) => SaveAsync(user, users => users.UpdateAsync(user), "user", ct);

    /// <summary>
    /// Saves the user's changed properties with a new security stamp, which ends their sessions and bearer tokens,
    /// and revokes their personal access tokens, which carry no stamp; both in one transaction (the caller's, if
    /// one is open).
    /// </summary>
    internal Task EndSessionsAsync(KontorUser user, CancellationToken ct) =>
        SaveAsync(user, _ => Directory.EndSessionsAsync(user, ct), "user", ct);
}
