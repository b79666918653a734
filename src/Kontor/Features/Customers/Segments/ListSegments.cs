using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Segments;

internal static class ListSegments
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, AccessScope access, CancellationToken ct) => ExecuteAsync(db, access, ct))
            .WithName(nameof(ListSegments))
            .WithSummary("List the customer segments of your organisation")
            .WithDescription("Sorted by name, with the responsible inside-sales team and the number of accounts in each segment. Everyone who may read accounts may list them (the account form offers them).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Segments are few (tens), so the list is not paged.</summary>
    public static async Task<List<SegmentResponse>> ExecuteAsync(KontorDb db, AccessScope access, CancellationToken ct)
    {
        access.Require(CustomerObjects.Accounts, ObjectPermissions.Read);
        return await SegmentResponse.Project(db.Segments.AsNoTracking().OrderBy(s => s.Key).ThenBy(s => s.Id), db).ToListAsync(ct);
    }
}
