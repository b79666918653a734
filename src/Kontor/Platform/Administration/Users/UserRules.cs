using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Users;

/// <summary>The rules user slices check beyond data annotations: roles, culture, references to site, teams and manager, passwords.</summary>
internal static class UserRules
{
    /// <summary>The requested roles in their canonical spelling; an error when none or an unknown one is given.</summary>
    public static List<string> Roles(IEnumerable<string>? requested, AdminFieldErrors errors, string field)
    {
        var roles = new List<string>();
        foreach (var name in requested ?? [])
        {
            var role = Access.Roles.All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (role is null)
            {
                errors.Add(field, AdminMessages.Format("Unknown role '{0}'. Choose from: {1}.", name ?? "", string.Join(", ", Access.Roles.All)));
            }
            else if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        if (roles.Count == 0 && !errors.Has(field))
        {
            errors.Add(field, AdminMessages.Get("Give the user at least one role."));
        }

        return roles;
    }

    public static void Culture(string? culture, AdminFieldErrors errors, string field)
    {
        if (!errors.Has(field) && !KontorCultures.IsSupported(culture))
        {
            errors.Add(field, AdminMessages.Format("Choose one of: {0}.", string.Join(", ", KontorCultures.Supported)));
        }
    }

    public static async Task SiteAsync(KontorDb db, Guid? siteId, AdminFieldErrors errors, string field, CancellationToken ct)
    {
        if (siteId is { } id && !await db.Sites.AnyAsync(s => s.Id == id, ct))
        {
            errors.Add(field, ValidationMessages.UnknownSite);
        }
    }

    public static async Task TeamsAsync(KontorDb db, IReadOnlyCollection<Guid>? teamIds, AdminFieldErrors errors, string field, CancellationToken ct)
    {
        if (teamIds is null)
        {
            errors.Add(field, AdminMessages.Get("Send a list of team ids, [] for none, or leave the field out."));
            return;
        }

        var distinct = teamIds.Distinct().ToList();
        if (distinct.Count > 0 && await db.Teams.CountAsync(t => distinct.Contains(t.Id), ct) != distinct.Count)
        {
            errors.Add(field, ValidationMessages.UnknownTeam);
        }
    }

    /// <summary>
    /// The manager must be an active user of the tenant and neither the user nor one of the people who report to
    /// the user, directly or indirectly (the hierarchy decides who sees whose records, so it must stay a tree).
    /// </summary>
    public static async Task ManagerAsync(KontorDb db, Guid? userId, Guid? managerId, AdminFieldErrors errors, string field, CancellationToken ct)
    {
        if (managerId is not { } manager)
        {
            return;
        }

        if (manager == userId)
        {
            errors.Add(field, AdminMessages.Get("A user cannot be their own manager."));
            return;
        }

        if (!await db.Users.AnyAsync(u => u.Id == manager && u.IsActive, ct))
        {
            errors.Add(field, ValidationMessages.UnknownUser);
            return;
        }

        if (userId is null)
        {
            return;
        }

        var seen = new HashSet<Guid>();
        for (Guid? current = manager; current is { } id && seen.Add(id); current = await db.Users.Where(u => u.Id == id).Select(u => u.ManagerId).SingleOrDefaultAsync(ct))
        {
            if (id == userId)
            {
                errors.Add(field, AdminMessages.Get("This manager reports to the user, directly or indirectly; the hierarchy cannot go in a circle."));
                return;
            }
        }
    }

    /// <summary>Throws <see cref="PreconditionFailedException"/> (412) when the user changed since the client read it; null expects nothing.</summary>
    public static void Unchanged(KontorUser user, string? expectedStamp)
    {
        if (expectedStamp is not null && !string.Equals(expectedStamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            throw new PreconditionFailedException(ETags.For(user.ConcurrencyStamp));
        }
    }

    /// <summary>Checks a password against Identity's password rules (length, distinct characters).</summary>
    public static async Task PasswordAsync(UserManager<KontorUser> users, KontorUser user, string? password, AdminFieldErrors errors, string field)
    {
        if (errors.Has(field) || string.IsNullOrEmpty(password))
        {
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var error in result.Errors)
            {
                errors.Add(field, AdminMessages.Get(error.Description));
            }
        }
    }
}
