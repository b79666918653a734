using System.Diagnostics.CodeAnalysis;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Users;

/// <summary>Query of <c>GET /api/users</c>; also the state of the users list page.</summary>
public sealed class ListUsersRequest
{
    /// <summary>Words that must all appear in first name, last name or e-mail (case ignored).</summary>
    [MaxChars(100)]
    public string? Search { get; set; }

    /// <summary>Only users holding this role, e.g. <c>SalesRep</c>.</summary>
    [MaxChars(40)]
    public string? Role { get; set; }

    /// <summary>Only members of this team.</summary>
    public Guid? Team { get; set; }

    /// <summary>Only active (true) or deactivated (false) users.</summary>
    public bool? Active { get; set; }

    /// <summary><c>name</c> (last name, first name; default) or <c>email</c>; prefix <c>-</c> for descending.</summary>
    public string? Sort { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListUsers
{
    private static readonly IReadOnlyList<KeysetSort<KontorUser>> Sorts =
    [
        .. KeysetSorts.BothWays(n => KeysetSorts.Text<KontorUser>(n, u => u.LastName + " " + u.FirstName), "name"),
        .. KeysetSorts.BothWays(n => KeysetSorts.Text<KontorUser>(n, u => u.NormalizedEmail!), "email"),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", ([AsParameters] ListUsersRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                ExecuteAsync(request, db, user, clock, ct))
            .WithName(nameof(ListUsers))
            .WithSummary("List the users of your organisation")
            .WithDescription("Keyset-paged: pass nextCursor as cursor for the next page. Filter by search words, role, team and active.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Page<UserResponse>> ExecuteAsync(ListUsersRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        AdminAccess.Require(user);
        RequestValidator.ThrowIfInvalid(request);

        // Picked here rather than with KeysetSorts.Pick so the answer speaks the administrator's language.
        var sort = string.IsNullOrEmpty(request.Sort)
            ? Sorts[0]
            : Sorts.FirstOrDefault(s => s.Name == request.Sort)
                ?? throw RequestValidationException.For("sort", AdminMessages.Format("Sort by one of: {0}.", string.Join(", ", Sorts.Select(s => s.Name))));
        var filtered = await FilterAsync(request, db, ct);
        var now = clock.GetUtcNow();
        return await KeysetSorts.PageAsync<KontorUser, UserResponse>(
            filtered, sort, request.Cursor, request.Limit, async ids => await UserResponse.LoadAsync(db, ids, now, ct), ct);
    }

    // ToUpper is translated to SQL upper(); the invariant variants the analyzers ask for have no translation.
    [SuppressMessage("Globalization", "CA1304:Specify CultureInfo", Justification = "Translated to SQL; never runs in .NET.")]
    [SuppressMessage("Globalization", "CA1311:Specify a culture or use an invariant version", Justification = "Translated to SQL; never runs in .NET.")]
    private static async Task<IQueryable<KontorUser>> FilterAsync(ListUsersRequest request, KontorDb db, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        foreach (var word in (request.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(SearchTerms.MaxTerms))
        {
            var upper = word.ToUpperInvariant();

            // Exact-case matches too, because SQLite's upper() leaves umlauts as they are.
            query = query.Where(u => u.NormalizedEmail!.Contains(upper)
                || u.FirstName.Contains(word) || u.LastName.Contains(word)
                || u.FirstName.ToUpper().Contains(upper) || u.LastName.ToUpper().Contains(upper));
        }

        if (Normalize.Text(request.Role) is { } roleName)
        {
            var role = Access.Roles.All.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase))
                ?? throw RequestValidationException.For("role", AdminMessages.Format("Choose one of the roles: {0}.", string.Join(", ", Access.Roles.All)));
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);
            query = query.Where(u => db.UserRoles.Any(link => link.UserId == u.Id && link.RoleId == roleId));
        }

        if (request.Team is { } team)
        {
            query = query.Where(u => db.TeamMembers.Any(m => m.UserId == u.Id && m.TeamId == team));
        }

        if (request.Active is { } active)
        {
            query = query.Where(u => u.IsActive == active);
        }

        return query;
    }
}
