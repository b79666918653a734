using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
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
    private static readonly UserSort[] Sorts =
    [
        new("name", u => u.LastName + " " + u.FirstName),
        new("-name", u => u.LastName + " " + u.FirstName),
        new("email", u => u.NormalizedEmail!),
        new("-email", u => u.NormalizedEmail!),
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
        var sort = string.IsNullOrEmpty(request.Sort)
            ? Sorts[0]
            : Sorts.FirstOrDefault(s => s.Name == request.Sort)
                ?? throw RequestValidationException.For("sort", AdminMessages.Format("Sort by one of: {0}.", string.Join(", ", Sorts.Select(s => s.Name))));
        var size = Paging.Limit(request.Limit);
        var after = Paging.Cursor.Decode(request.Cursor, sort.Name);

        var filtered = await FilterAsync(request, db, ct);
        var total = await filtered.Take(Paging.CountCap + 1).CountAsync(ct);
        var page = await sort.Apply(filtered, after, size).ToListAsync(ct);

        string? next = null;
        if (page.Count > size)
        {
            page.RemoveAt(size);
            next = sort.CursorAfter(page[^1]).Encode();
        }

        var items = await UserResponse.DescribeAsync(db, page, clock.GetUtcNow(), ct);
        return new Page<UserResponse>(items, next, Math.Min(total, Paging.CountCap), total > Paging.CountCap);
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

    /// <summary>A sort order of the list: (key, id), so paging is stable when keys repeat.</summary>
    private sealed record UserSort(string Name, Expression<Func<KontorUser, string>> Key)
    {
        private readonly Func<KontorUser, string> compiled = Key.Compile();

        private bool Descending => Name.StartsWith('-');

        public Paging.Cursor CursorAfter(KontorUser last) => new(Name, compiled(last), last.Id);

        /// <summary>Orders, keeps only rows behind the cursor, and takes one row more than the page to tell whether another follows.</summary>
        public IQueryable<KontorUser> Apply(IQueryable<KontorUser> query, Paging.Cursor? after, int limit)
        {
            if (after is not null)
            {
                query = query.Where(Behind(after.Value, after.Id));
            }

            var ordered = Descending
                ? query.OrderByDescending(Key).ThenByDescending(u => u.Id)
                : query.OrderBy(Key).ThenBy(u => u.Id);
            return ordered.Take(limit + 1);
        }

        /// <summary>key &gt; value OR (key = value AND id &gt; lastId), mirrored when descending; values become SQL parameters.</summary>
        private Expression<Func<KontorUser, bool>> Behind(string value, Guid lastId)
        {
            var row = Key.Parameters[0];
            var boxedValue = Expression.Property(Expression.Constant(new Box<string>(value)), nameof(Box<string>.Value));
            var boxedId = Expression.Property(Expression.Constant(new Box<Guid>(lastId)), nameof(Box<Guid>.Value));
            var id = Expression.Property(row, nameof(KontorUser.Id));
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, Key.Body, boxedValue);
            var zero = Expression.Constant(0);
            var beyondKey = Descending ? Expression.LessThan(compare, zero) : Expression.GreaterThan(compare, zero);
            var sameKey = Expression.Equal(Key.Body, boxedValue);
            var beyondId = Descending ? Expression.LessThan(id, boxedId) : Expression.GreaterThan(id, boxedId);
            return Expression.Lambda<Func<KontorUser, bool>>(Expression.OrElse(beyondKey, Expression.AndAlso(sameKey, beyondId)), row);
        }
    }

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}
