using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Retention.Rules;

internal static class GetRetentionRules
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/rules", (KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(db, user, ct))
            .WithName(nameof(GetRetentionRules))
            .WithSummary("The customer-data retention rules of your organisation")
            .WithDescription("The defaults until an administrator changes them: stale leads off (24 months, anonymise), recycle bin purge on after 30 days. Administrators only.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Task<RetentionRules> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        return RetentionRules.LoadAsync(db, ct);
    }
}
