using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Customers.Segments;

internal static class CreateSegment
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<SegmentResponse>> (SegmentRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, ct);
                return TypedResults.Created($"/api/segments/{created.Id}", created);
            })
            .WithName(nameof(CreateSegment))
            .WithSummary("Create a customer segment")
            .WithDescription("Administrators only. Names are unique ignoring case and umlaut spelling; the team must be an inside-sales team of your organisation.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the segments page.</summary>
    public static async Task<SegmentResponse> ExecuteAsync(SegmentRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        await request.ValidateAsync(db, stored: null, ct);
        var segment = request.ToSegment();
        db.Segments.Add(segment);
        await db.SaveChangesAsync(ct);
        return (await SegmentResponse.LoadAsync(db, segment.Id, ct))!;
    }
}
