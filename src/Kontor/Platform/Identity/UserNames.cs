using System.Linq.Expressions;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Identity;

/// <summary>How a user is named wherever records show their owner: first and last name, else the e-mail address.</summary>
public static class UserNames
{
    /// <summary>The name in .NET.</summary>
    public static string Of(string firstName, string lastName, string? email) =>
        $"{firstName} {lastName}".Trim() is { Length: > 0 } name ? name : email ?? "";

    /// <summary>The same name computed in SQL, for projections.</summary>
    public static Expression<Func<KontorUser, string>> DisplayName { get; } = u =>
        u.FirstName != "" || u.LastName != "" ? (u.FirstName + " " + u.LastName).Trim() : u.Email!;

    /// <summary>The names of the users with these ids in the context's tenant, by id, read in one query.</summary>
    public static async Task<Dictionary<Guid, string>> LoadAsync(KontorDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => Of(u.FirstName, u.LastName, u.Email));
    }
}
