using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Contacts;

/// <summary>Query of <c>GET /api/contacts/deleted</c>: the recycle bin.</summary>
public sealed class ListDeletedContactsRequest
{
    /// <summary><c>-deletedAt</c> (default, newest first) or <c>name</c>.</summary>
    public string? Sort { get; set; }

    public int? Limit { get; set; }

    public string? Cursor { get; set; }
}

internal static class ListDeletedContacts
{
    private static readonly IReadOnlyList<KeysetSort<Contact>> Sorts =
    [
        KeysetSorts.Time<Contact>("-deletedAt", c => c.DeletedAt!.Value),
        KeysetSorts.Text<Contact>("name", c => c.SortName),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/deleted", ([AsParameters] ListDeletedContactsRequest request, KontorDb db, CancellationToken ct) => ExecuteAsync(request, db, ct))
            .WithName(nameof(ListDeletedContacts))
            .WithSummary("List contacts in the recycle bin that the caller can see")
            .WithDescription($"Deleted contacts are purged {RecycleBin.RetentionDays} days after deletion.")
            .ProducesValidationProblem();

    public static async Task<Page<ContactResponse>> ExecuteAsync(ListDeletedContactsRequest request, KontorDb db, CancellationToken ct)
    {
        var deleted = db.Contacts.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).Where(c => c.DeletedAt != null);
        return await KeysetSorts.PageAsync(
            deleted, KeysetSorts.Pick(Sorts, request.Sort), request.Cursor, request.Limit,
            ids => ContactResponse.Project(deleted.Where(c => ids.Contains(c.Id)), db).InOrderOfAsync(ids, c => c.Id, ct),
            ct);
    }
}
