using Kontor.Features.Activities.Shared;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Visits;

internal static class PlanVisit
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/visits", async Task<Results<Created<VisitResponse>, NotFound>> (
                PlanVisitRequest request, ActivityAccess access, CancellationToken ct) =>
                await ExecuteAsync(request, access, ct) is { } created
                    ? TypedResults.Created($"/api/activities/{created.Id}", created)
                    : TypedResults.NotFound())
            .WithName(nameof(PlanVisit))
            .WithSummary("Plan a visit to an account")
            .WithDescription("endsAt after startsAt; the visitor defaults to the caller; opportunityIds link opportunities the caller can see. 404 when the record is not visible; 403 when the caller may only read it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the plan form. Null when the target record is not visible.</summary>
    public static async Task<VisitResponse?> ExecuteAsync(PlanVisitRequest request, ActivityAccess access, CancellationToken ct)
    {
        var fields = await request.ResolveAsync(access.Db, access.Targets, access.User, ct);
        Visit? visit = null;
        var created = await ActivityWrites.CreateAsync(access, request.Target, () => visit = new Visit(request.Target, fields), ct);
        return created is null ? null : (await VisitResponse.DescribeAsync(access, [visit!], ct))[0];
    }
}
