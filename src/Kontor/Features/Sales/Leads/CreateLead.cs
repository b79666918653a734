using Kontor.Features.Sales.Leads.Assignment;
using Kontor.Features.Sales.Leads.Scoring;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Sales.Leads;

internal static class CreateLead
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<LeadResponse>> (
                LeadRequest request, KontorDb db, CurrentUser user, AccessScope access, HttpResponse response, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, access, ct);
                response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/leads/{created.Id}", created);
            })
            .WithName(nameof(CreateLead))
            .WithSummary("Create a lead")
            .WithDescription("Without ownerId the tenant's assignment rules pick the owner; a lead no rule matches waits in the queue (ownerId null). Phone numbers without country code are read as numbers of the address's country, else of the tenant's country, and stored in E.164. The score follows the tenant's scoring rules.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the lead form.</summary>
    public static async Task<LeadResponse> ExecuteAsync(LeadRequest request, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct)
    {
        access.Require(Lead.SecuredObject, ObjectPermissions.Create);
        var fields = await request.ResolveAsync(stored: null, db, user, ct);
        var lead = new Lead(fields);
        await SaveNewAsync(db, lead, assign: fields.OwnerId is null, ct);

        // A lead handed to someone else by the rules may be invisible to its creator; the answer still describes it.
        return await GetLead.ExecuteAsync(lead.Id, db, ct) ?? LeadResponse.Describe(lead);
    }

    /// <summary>Scores a new lead, runs the assignment rules when asked and saves it, all in one transaction.</summary>
    internal static async Task SaveNewAsync(KontorDb db, Lead lead, bool assign, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (assign)
        {
            await LeadAssignment.AssignAsync(db, lead, ct);
        }

        await LeadScoring.ApplyAsync(db, lead, ct);
        db.Leads.Add(lead);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }
}
