using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads.WebForm;

internal static class GetLeadForm
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) => ExecuteAsync(db, user, clock, ct))
            .WithName(nameof(GetLeadForm))
            .WithSummary("Get the web-to-lead form's key, addresses and consent texts (administrators)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The tenant's form; made with a new key the first time it is asked for.</summary>
    public static async Task<LeadFormResponse> ExecuteAsync(KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        LeadFormResponse.Of(await LoadAsync(db, user, clock, ct));

    internal static async Task<LeadFormSettings> LoadAsync(KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        AdminAccess.Require(user);
        var form = await db.LeadFormSettings.SingleOrDefaultAsync(ct);
        if (form is null)
        {
            form = new LeadFormSettings(user.TenantId, clock.GetUtcNow());
            db.LeadFormSettings.Add(form);
            await db.SaveChangesAsync(ct);
        }

        return form;
    }
}
