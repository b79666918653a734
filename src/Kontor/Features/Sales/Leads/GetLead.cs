using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads;

internal static class GetLead
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<LeadResponse>, NotFound>> (Guid id, KontorDb db, HttpResponse response, CancellationToken ct) =>
            {
                var lead = await ExecuteAsync(id, db, ct);
                if (lead is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = lead.ETag;
                return TypedResults.Ok(lead);
            })
            .WithName(nameof(GetLead))
            .WithSummary("Get a lead")
            .WithDescription("Answers 404 for leads that do not exist and for leads the caller may not see. The ETag header carries the version for If-Match. scoreExplanation lists the scoring rules that gave points.");

    /// <summary>The lead, or null when it does not exist, is in the recycle bin or is not visible.</summary>
    public static Task<LeadResponse?> ExecuteAsync(Guid id, KontorDb db, CancellationToken ct) =>
        LeadResponse.Project(db.Leads.AsNoTracking().Where(l => l.Id == id), db).SingleOrDefaultAsync(ct);
}
