using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads.Assignment;

internal static class ReassignLead
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/reassign", async Task<Results<Ok<LeadResponse>, NotFound>> (
                Guid id, HttpResponse response, KontorDb db, AccessScope access, CancellationToken ct) =>
            {
                var lead = await ExecuteAsync(id, db, access, ct);
                if (lead is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = lead.ETag;
                return TypedResults.Ok(lead);
            })
            .WithName(nameof(ReassignLead))
            .WithSummary("Hand a lead to whom the assignment rules say")
            .WithDescription("Runs the tenant's assignment rules on the lead as it is now; a lead no rule matches goes to the queue. A converted lead cannot be reassigned (409).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when the lead is not visible. The answer may describe a lead the caller no longer sees.</summary>
    public static async Task<LeadResponse?> ExecuteAsync(Guid id, KontorDb db, AccessScope access, CancellationToken ct)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null)
        {
            return null;
        }

        LeadAccess.RequireChange(access, lead, ObjectPermissions.Edit);
        if (lead.Status == LeadStatus.Converted)
        {
            throw new BusinessRuleException(LeadsText.Message("This lead was converted and can no longer be changed."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LeadAssignment.AssignAsync(db, lead, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetLead.ExecuteAsync(id, db, ct) ?? LeadResponse.Describe(lead);
    }
}
