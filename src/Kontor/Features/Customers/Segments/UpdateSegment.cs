using System.Text.Json.Nodes;
using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Segments;

internal static class UpdateSegment
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}", async Task<Results<Ok<SegmentResponse>, NotFound>> (
                Guid id, JsonObject patch, HttpRequest http, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                AdminAccess.RequireChange(user);
                var segment = await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
                if (segment is null)
                {
                    return TypedResults.NotFound();
                }

                var request = JsonMergePatch.Apply(SegmentRequest.From(segment), patch, http.HttpContext.RequestServices.SerializerOptions());
                return await ExecuteAsync(id, request, db, user, ct) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound();
            })
            .WithName(nameof(UpdateSegment))
            .WithSummary("Change a customer segment")
            .WithDescription("Administrators only. A JSON merge patch (RFC 7396) of name, insideSalesTeamId and description. Renaming a segment renames it on its accounts too; accounts keep their inside-sales team when the segment's team changes.")
            .Accepts<SegmentRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the tenant has no segment with this id.</summary>
    public static async Task<SegmentResponse?> ExecuteAsync(Guid id, SegmentRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var segment = await db.Segments.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null)
        {
            return null;
        }

        await request.ValidateAsync(db, segment, ct);
        var oldName = segment.Name;
        request.ApplyTo(segment);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (segment.Name != oldName)
        {
            // Accounts name their segment by text; a rename follows on every account of the tenant, including ones
            // the administrator's own record access would not show and ones in the recycle bin.
            await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecordAccess, KontorDb.Filters.RecycleBin])
                .Where(a => a.Segment == oldName)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Segment, segment.Name), ct);
        }

        await transaction.CommitAsync(ct);
        return await SegmentResponse.LoadAsync(db, id, ct);
    }
}
