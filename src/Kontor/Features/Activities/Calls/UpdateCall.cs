using System.Text.Json.Nodes;
using Kontor.Features.Activities.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Activities.Calls;

internal static class UpdateCall
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/calls/{id:guid}", (
                Guid id, JsonObject patch, HttpRequest http, ActivityAccess access, TimeProvider clock, CancellationToken ct) =>
            JsonMergePatch.PatchVersionedAsync(
                http,
                patch,
                async () => await access.Visible().OfType<Call>().SingleOrDefaultAsync(a => a.Id == id, ct) is { } stored ? CallRequest.From(stored) : null,
                (request, expected) => ExecuteAsync(id, request, expected, access, clock, ct)))
            .WithName(nameof(UpdateCall))
            .WithSummary("Change a logged call")
            .WithDescription("A JSON merge patch (RFC 7396). Requires If-Match with the ETag from GET: 428 without it, 412 when the call changed since.")
            .Accepts<CallRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Shared by the endpoint and the call form. Null when the call is not visible.</summary>
    public static async Task<ActivityResponse?> ExecuteAsync(
        Guid id, CallRequest request, uint? expectedVersion, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var call = await access.FindAsync<Call>(id, ct);
        if (call is null)
        {
            return null;
        }

        await access.RequireChangeAsync(call, ObjectPermissions.Edit, ct);
        ETags.Check(access.Db, call, expectedVersion);
        call.Apply(request.Resolve(call, clock.GetUtcNow()));
        return await ActivityWrites.SaveAsync(access, call, ct);
    }
}
