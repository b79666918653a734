using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

internal static class DeleteOpportunity
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (
                Guid id, HttpRequest http, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct) =>
            {
                ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected);
                return await ExecuteAsync(id, expected, db, user, access, clock, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
            })
            .WithName(nameof(DeleteOpportunity))
            .WithSummary("Move an opportunity to the recycle bin")
            .WithDescription($"Restorable with POST /api/opportunities/{{id}}/restore for {RecycleBin.RetentionDays} days, then purged. If-Match is optional here.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>False when the opportunity is not visible.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, uint? expectedVersion, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
        {
            return false;
        }

        access.RequireChange(opportunity, ObjectPermissions.Delete);
        ETags.Check(db, opportunity, expectedVersion);
        opportunity.MoveToRecycleBin(user.ActorId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }
}

internal static class RestoreOpportunity
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/restore", async Task<Results<Ok<OpportunityResponse>, NotFound>> (
                Guid id, HttpResponse response, KontorDb db, AccessScope access, TimeProvider clock, CancellationToken ct) =>
            {
                var restored = await ExecuteAsync(id, db, access, clock, ct);
                if (restored is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = restored.ETag;
                return TypedResults.Ok(restored);
            })
            .WithName(nameof(RestoreOpportunity))
            .WithSummary("Restore an opportunity from the recycle bin")
            .WithDescription("An opportunity whose account is in the recycle bin comes back with the account (409 until then).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when no visible opportunity with this id is in the recycle bin.</summary>
    public static async Task<OpportunityResponse?> ExecuteAsync(Guid id, KontorDb db, AccessScope access, TimeProvider clock, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .SingleOrDefaultAsync(o => o.Id == id && o.DeletedAt != null, ct);
        if (opportunity is null)
        {
            return null;
        }

        access.RequireChange(opportunity, ObjectPermissions.Delete);
        if (!await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecordAccess]).AnyAsync(a => a.Id == opportunity.AccountId, ct))
        {
            throw new BusinessRuleException(OpportunityMessages.Get("The opportunity's account is in the recycle bin: restore the account, and its open opportunities come back with it."));
        }

        opportunity.RestoreFromRecycleBin();
        await db.SaveChangesAsync(ct);
        return await GetOpportunity.ExecuteAsync(id, db, clock, ct);
    }
}
