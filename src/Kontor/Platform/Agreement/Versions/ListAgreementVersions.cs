using Kontor.Platform.Data;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Agreement.Versions;

internal static class ListAgreementVersions
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/versions", (KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(db, user, ct))
            .WithName(nameof(ListAgreementVersions))
            .WithSummary("List the versions of the works agreement")
            .WithDescription("Newest first, with who proposed, approved, rejected or withdrew each version and when. For administrators and the works council.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Task<List<AgreementVersionResponse>> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AgreementAccess.RequireReader(user);
        return AgreementVersionResponse.ListAsync(db, db.AgreementVersions, withText: false, ct);
    }
}
