using System.Text.Json.Nodes;
using Kontor.Features.Sales.Leads.Scoring;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads;

internal static class UpdateLead
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}", (
                Guid id, JsonObject patch, HttpRequest http, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct) =>
            JsonMergePatch.PatchVersionedAsync(
                http,
                patch,
                async () => await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) is { } stored ? LeadRequest.From(stored) : null,
                (request, expected) => ExecuteAsync(id, request, expected, db, user, access, ct)))
            .WithName(nameof(UpdateLead))
            .WithSummary("Change a lead")
            .WithDescription("A JSON merge patch (RFC 7396): send only the fields to change, null to clear one (ownerId null puts the lead back into the queue). Requires If-Match with the ETag from GET: 428 without it, 412 when the lead changed since. A converted lead cannot be changed (409). Status Disqualified needs a disqualificationReason.")
            .Accepts<LeadRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Shared by the endpoint and the lead form. Null when the lead is not visible; <paramref name="expectedVersion"/> null means "whatever is stored".</summary>
    public static async Task<LeadResponse?> ExecuteAsync(
        Guid id, LeadRequest request, uint? expectedVersion, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null)
        {
            return null;
        }

        LeadAccess.RequireChange(access, lead, ObjectPermissions.Edit);
        ETags.Check(db, lead, expectedVersion);
        if (lead.Status == LeadStatus.Converted)
        {
            throw new BusinessRuleException(LeadsText.Message("This lead was converted and can no longer be changed."));
        }

        var fields = await request.ResolveAsync(lead, db, user, ct);
        lead.Apply(fields);
        await LeadScoring.ApplyAsync(db, lead, ct);
        await db.SaveChangesAsync(ct);
        return await GetLead.ExecuteAsync(id, db, ct) ?? LeadResponse.Describe(lead);
    }
}
