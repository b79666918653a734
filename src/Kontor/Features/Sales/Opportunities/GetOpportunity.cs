using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

internal static class GetOpportunity
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<OpportunityResponse>, NotFound>> (Guid id, KontorDb db, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            {
                var opportunity = await ExecuteAsync(id, db, clock, ct);
                if (opportunity is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = opportunity.ETag;
                return TypedResults.Ok(opportunity);
            })
            .WithName(nameof(GetOpportunity))
            .WithSummary("Get an opportunity with its stage history, contacts and products")
            .WithDescription("Answers 404 for opportunities that do not exist and for ones the caller may not see. The stage history lists every stay with its duration (to now for the current stage). The ETag header carries the version for If-Match.");

    /// <summary>The opportunity with history and contacts, or null when it does not exist, is in the recycle bin or is not visible.</summary>
    public static async Task<OpportunityResponse?> ExecuteAsync(Guid id, KontorDb db, TimeProvider clock, CancellationToken ct)
    {
        var opportunity = await OpportunityResponse.Project(db.Opportunities.AsNoTracking().Where(o => o.Id == id), db).SingleOrDefaultAsync(ct);
        if (opportunity is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var stays = await db.OpportunityStageChanges.AsNoTracking()
            .Where(h => h.OpportunityId == id)
            .OrderBy(h => h.EnteredAt).ThenBy(h => h.Id)
            .Select(h => new
            {
                h.StageId,
                StageName = db.PipelineStages.Where(s => s.Id == h.StageId).Select(s => s.Name).FirstOrDefault(),
                h.EnteredAt,
                h.LeftAt,
                h.EnteredBy,
                EnteredByName = db.Users.Where(u => u.Id == h.EnteredBy).Select(UserNames.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var contacts = await db.OpportunityContacts.AsNoTracking()
            .Where(c => c.OpportunityId == id)
            .Join(db.Contacts, c => c.ContactId, p => p.Id, (c, p) => new { c.ContactId, p.Title, p.FirstName, p.LastName, p.JobTitle, p.Email, c.Role })
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
            .ToListAsync(ct);
        var products = await OpportunityProductLines.LoadAsync(id, db, ct);
        return opportunity with
        {
            StageHistory = [.. stays.Select(s => new StageStayResponse(
                s.StageId, s.StageName ?? "", s.EnteredAt, s.LeftAt, s.EnteredBy, s.EnteredByName, (s.LeftAt ?? now) - s.EnteredAt))],
            Contacts = [.. contacts.Select(c => new OpportunityContactResponse(
                c.ContactId,
                string.Join(' ', new[] { c.Title, c.FirstName, c.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))),
                c.JobTitle,
                c.Email,
                c.Role))],
            Products = products?.Lines ?? [],
        };
    }
}
