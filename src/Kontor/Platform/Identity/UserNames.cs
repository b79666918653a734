using System.Linq.Expressions;

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
}
