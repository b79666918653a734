using Kontor.Features.Customers.Accounts;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Shared;

/// <summary>Something a form offers to pick: a user, a team, an account.</summary>
public sealed record Choice(Guid Id, string Name)
{
    public override string ToString() => Name;
}

/// <summary>The choices of the account and contact forms, through the same filters as every other read.</summary>
internal static class Lookups
{
    /// <summary>Most accounts a search-as-you-type list shows.</summary>
    public const int MaxAccountChoices = 20;

    public static async Task<List<Choice>> ActiveUsersAsync(KontorDb db, CancellationToken ct) =>
        [.. (await db.Users.AsNoTracking().Where(u => u.IsActive)
                .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.Email)
                .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email })
                .ToListAsync(ct))
            .Select(u => new Choice(u.Id, UserNames.Of(u.FirstName, u.LastName, u.Email)))];

    public static Task<List<Choice>> InsideSalesTeamsAsync(KontorDb db, CancellationToken ct) =>
        db.Teams.AsNoTracking().Where(t => t.Kind == TeamKind.InsideSales)
            .OrderBy(t => t.Name)
            .Select(t => new Choice(t.Id, t.Name))
            .ToListAsync(ct);

    /// <summary>The tenant's segments by name; few, so the form filters them itself.</summary>
    public static Task<List<string>> SegmentNamesAsync(KontorDb db, CancellationToken ct) =>
        db.Segments.AsNoTracking().OrderBy(s => s.Key).Select(s => s.Name).ToListAsync(ct);

    public static async Task<List<Choice>> AccountsAsync(KontorDb db, CurrentUser user, string? search, CancellationToken ct) =>
        await ListAccounts.Filter(new ListAccountsRequest { Search = search }, db, user)
            .OrderBy(a => a.SortName).ThenBy(a => a.Id)
            .Take(MaxAccountChoices)
            .Select(a => new Choice(a.Id, a.Name))
            .ToListAsync(ct);

    public static async Task<Choice?> AccountAsync(KontorDb db, Guid? id, CancellationToken ct) =>
        id is null ? null : await db.Accounts.AsNoTracking().Where(a => a.Id == id).Select(a => new Choice(a.Id, a.Name)).SingleOrDefaultAsync(ct);
}
