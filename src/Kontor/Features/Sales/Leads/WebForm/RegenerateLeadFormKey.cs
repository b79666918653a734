using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Leads.WebForm;

internal static class RegenerateLeadFormKey
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/key", (KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) => ExecuteAsync(db, user, clock, ct))
            .WithName(nameof(RegenerateLeadFormKey))
            .WithSummary("Give the web-to-lead form a new key (administrators)")
            .WithDescription("The old form page and endpoint answer 404 from now on; websites that embed them need the new addresses.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<LeadFormResponse> ExecuteAsync(KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var form = await GetLeadForm.LoadAsync(db, user, clock, ct);
        form.Regenerate(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return LeadFormResponse.Of(form);
    }
}
