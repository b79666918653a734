using Kontor.Features.Activities.Shared;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Calls;

internal static class LogCall
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/calls", async Task<Results<Created<ActivityResponse>, NotFound>> (
                CallRequest request, ActivityAccess access, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, access, clock, ct);
                if (created is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/activities/{created.Id}", created);
            })
            .WithName(nameof(LogCall))
            .WithSummary("Log a call with an account or contact")
            .WithDescription("occurredAt defaults to now. durationSeconds is 0 to 86400. 404 when the record does not exist or is not visible; 403 when the caller may only read it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the call form. Null when the target record is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(CallRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fields = request.Resolve(stored: null, now);
        return await ActivityWrites.CreateAsync(access, request.Target, () => new Call(request.Target, fields), ct);
    }
}
