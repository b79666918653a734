using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads;

internal static class RestoreLead
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/restore", async Task<Results<Ok<LeadResponse>, NotFound>> (
                Guid id, HttpResponse response, KontorDb db, AccessScope access, CancellationToken ct) =>
            {
                var restored = await ExecuteAsync(id, db, access, ct);
                if (restored is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = restored.ETag;
                return TypedResults.Ok(restored);
            })
            .WithName(nameof(RestoreLead))
            .WithSummary("Restore a lead from the recycle bin")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when no visible lead with this id is in the recycle bin.</summary>
    public static async Task<LeadResponse?> ExecuteAsync(Guid id, KontorDb db, AccessScope access, CancellationToken ct)
    {
        var lead = await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .SingleOrDefaultAsync(l => l.Id == id && l.DeletedAt != null, ct);
        if (lead is null)
        {
            return null;
        }

        LeadAccess.RequireChange(access, lead, ObjectPermissions.Delete);
        lead.RestoreFromRecycleBin();
        await db.SaveChangesAsync(ct);
        return await GetLead.ExecuteAsync(id, db, ct);
    }
}
