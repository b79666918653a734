using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Sharing;

internal static class ListSharing
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CurrentUser user, IEnumerable<SecuredObject> securedObjects, CancellationToken ct) =>
                ExecuteAsync(db, user, securedObjects, ct))
            .WithName(nameof(ListSharing))
            .WithSummary("List the object types with each role's permissions and your organisation's sharing level")
            .WithDescription("Permissions per role are fixed; the sharing level (Private, Read, ReadWrite) decides who sees records they neither own nor reach through team or hierarchy.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<List<SharingObjectResponse>> ExecuteAsync(
        KontorDb db, CurrentUser user, IEnumerable<SecuredObject> securedObjects, CancellationToken ct)
    {
        AdminAccess.Require(user);
        var levels = await db.SharingSettings.AsNoTracking().ToDictionaryAsync(s => s.ObjectKey, s => s.Level, ct);
        return [.. securedObjects.Select(o => SharingObjectResponse.Describe(o, levels))];
    }
}
