using System.Text.Json.Serialization;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Users;

/// <summary>A team a user belongs to.</summary>
public sealed record TeamReference(Guid Id, string Name);

/// <summary>A user as the administration API returns it and its pages show it.</summary>
public sealed record UserResponse(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string Culture,
    Guid? ManagerId,
    string? ManagerName,
    Guid? SiteId,
    string? SiteName,
    string? Region,
    IReadOnlyList<TeamReference> Teams,
    bool IsActive,
    bool MfaRequired,
    bool MfaEnabled,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore] string ConcurrencyStamp) : IHasETag
{
    /// <summary>The version to send in <c>If-Match</c> when changing the user: Identity's concurrency stamp.</summary>
    public string ETag => ETags.For(ConcurrencyStamp);

    /// <summary>The users with these ids (of the caller's tenant), in the given order, with roles, teams, manager and site.</summary>
    internal static async Task<List<UserResponse>> LoadAsync(KontorDb db, IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        var loaded = (await DescribeAsync(db, rows, now, ct)).ToDictionary(u => u.Id);
        return [.. ids.Where(loaded.ContainsKey).Select(id => loaded[id])];
    }

    /// <summary>Describes users already read, in their order, with roles, teams, manager and site.</summary>
    private static async Task<List<UserResponse>> DescribeAsync(KontorDb db, IReadOnlyList<KontorUser> rows, DateTimeOffset now, CancellationToken ct)
    {
        var users = rows.ToDictionary(u => u.Id);
        List<Guid> ids = [.. users.Keys];
        var roles = (await (from link in db.UserRoles
                            join role in db.Roles on link.RoleId equals role.Id
                            where ids.Contains(link.UserId)
                            select new { link.UserId, Role = role.Name! }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Role);
        var teams = (await (from member in db.TeamMembers
                            join team in db.Teams on member.TeamId equals team.Id
                            where ids.Contains(member.UserId)
                            select new { member.UserId, team.Id, team.Name }).ToListAsync(ct))
            .ToLookup(t => t.UserId, t => new TeamReference(t.Id, t.Name));
        var managerIds = users.Values.Select(u => u.ManagerId).OfType<Guid>().Distinct().ToList();
        var managers = await db.Users.AsNoTracking().Where(u => managerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var siteIds = users.Values.Select(u => u.SiteId).OfType<Guid>().Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        return [.. rows.Select(u =>
        {
            var id = u.Id;
            return new UserResponse(
                u.Id,
                u.Email ?? "",
                u.FirstName,
                u.LastName,
                u.DisplayName,
                [.. Access.Roles.All.Where(r => roles[id].Contains(r))],
                u.Culture,
                u.ManagerId,
                u.ManagerId is { } manager ? managers.GetValueOrDefault(manager) : null,
                u.SiteId,
                u.SiteId is { } site ? sites.GetValueOrDefault(site) : null,
                u.Region,
                [.. teams[id].OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)],
                u.IsActive,
                u.MfaRequired,
                u.TwoFactorEnabled,
                u.LockoutEnd > now ? u.LockoutEnd : null,
                u.CreatedAt,
                u.ConcurrencyStamp ?? "");
        })];
    }

    /// <summary>One user of the caller's tenant, or null.</summary>
    internal static async Task<UserResponse?> LoadAsync(KontorDb db, Guid id, DateTimeOffset now, CancellationToken ct) =>
        (await LoadAsync(db, [id], now, ct)).SingleOrDefault();
}
