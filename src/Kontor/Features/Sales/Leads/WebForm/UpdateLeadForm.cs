using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;

namespace Kontor.Features.Sales.Leads.WebForm;

internal static class UpdateLeadForm
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/", (LeadFormRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) => ExecuteAsync(request, db, user, clock, ct))
            .WithName(nameof(UpdateLeadForm))
            .WithSummary("Change the web-to-lead form's consent texts and lead source (administrators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<LeadFormResponse> ExecuteAsync(LeadFormRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        RequestValidator.ThrowIfInvalid(request);
        var form = await GetLeadForm.LoadAsync(db, user, clock, ct);
        form.Change(Normalize.Text(request.ConsentTextEnglish), Normalize.Text(request.ConsentTextGerman), Normalize.Text(request.Source) ?? LeadFormSettings.DefaultSource);
        await db.SaveChangesAsync(ct);
        return LeadFormResponse.Of(form);
    }
}
