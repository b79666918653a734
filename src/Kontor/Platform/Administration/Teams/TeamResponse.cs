using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Teams;

/// <summary>A member of a team.</summary>
public sealed record TeamMemberResponse(Guid UserId, string DisplayName, string Email, bool IsActive);

/// <summary>A team as the administration API returns it; <see cref="Members"/> is filled for a single team only.</summary>
public sealed record TeamResponse(
    Guid Id,
    string Name,
    TeamKind Kind,
    Guid? SiteId,
    string? SiteName,
    string? Description,
    int MemberCount,
    IReadOnlyList<TeamMemberResponse>? Members)
{
    /// <summary>Projects teams with their site's name and member count in one query.</summary>
    internal static IQueryable<TeamResponse> Project(IQueryable<Team> teams, KontorDb db) =>
        teams.Select(t => new TeamResponse(
            t.Id,
            t.Name,
            t.Kind,
            t.SiteId,
            db.Sites.Where(s => s.Id == t.SiteId).Select(s => s.Name).FirstOrDefault(),
            t.Description,
            db.TeamMembers.Count(m => m.TeamId == t.Id),
            null));

    /// <summary>One team of the caller's tenant with its members sorted by name, or null.</summary>
    internal static async Task<TeamResponse?> LoadAsync(KontorDb db, Guid id, CancellationToken ct)
    {
        var team = await Project(db.Teams.AsNoTracking().Where(t => t.Id == id), db).SingleOrDefaultAsync(ct);
        if (team is null)
        {
            return null;
        }

        var members = await (from member in db.TeamMembers
                             join user in db.Users on member.UserId equals user.Id
                             where member.TeamId == id
                             orderby user.LastName, user.FirstName
                             select user).AsNoTracking().ToListAsync(ct);
        return team with { Members = [.. members.Select(u => new TeamMemberResponse(u.Id, u.DisplayName, u.Email ?? "", u.IsActive))] };
    }
}
