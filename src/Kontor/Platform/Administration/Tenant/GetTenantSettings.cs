using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Tenant;

internal static class GetTenantSettings
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(db, user, ct))
            .WithName(nameof(GetTenantSettings))
            .WithSummary("Get your organisation's settings")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Task<TenantSettingsResponse> ExecuteAsync(KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.Require(user);
        return db.Tenants.AsNoTracking()
            .Where(t => t.Id == user.TenantId)
            .Select(t => new TenantSettingsResponse(t.Id, t.Name, t.DefaultCountry, t.RequireMfa, t.CreatedAt))
            .SingleAsync(ct);
    }
}
