using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Accounts;

/// <summary>Query of <c>GET /api/accounts/deleted</c>: the recycle bin.</summary>
public sealed class ListDeletedAccountsRequest
{
    /// <summary><c>-deletedAt</c> (default, newest first) or <c>name</c>.</summary>
    public string? Sort { get; set; }

    public int? Limit { get; set; }

    public string? Cursor { get; set; }
}

internal static class ListDeletedAccounts
{
    private static readonly IReadOnlyList<KeysetSort<Account>> Sorts =
    [
        KeysetSorts.Time<Account>("-deletedAt", a => a.DeletedAt!.Value),
        KeysetSorts.Text<Account>("name", a => a.SortName),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/deleted", ([AsParameters] ListDeletedAccountsRequest request, KontorDb db, CancellationToken ct) => ExecuteAsync(request, db, ct))
            .WithName(nameof(ListDeletedAccounts))
            .WithSummary("List accounts in the recycle bin that the caller can see")
            .WithDescription($"Deleted accounts are purged {RecycleBin.RetentionDays} days after deletion.")
            .ProducesValidationProblem();

    public static async Task<Page<AccountResponse>> ExecuteAsync(ListDeletedAccountsRequest request, KontorDb db, CancellationToken ct)
    {
        var deleted = db.Accounts.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(a => a.DeletedAt != null);
        return await KeysetSorts.PageAsync(
            deleted, KeysetSorts.Pick(Sorts, request.Sort), request.Cursor, request.Limit,
            ids => AccountResponse.Project(deleted.Where(a => ids.Contains(a.Id)), db).InOrderOfAsync(ids, a => a.Id, ct),
            ct);
    }
}
