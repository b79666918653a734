using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Retention.Runs;

/// <summary>Body of <c>POST /api/retention/runs</c>.</summary>
public sealed class StartRetentionRunRequest
{
    /// <summary>True (the default, so a bare request changes nothing): list what would go. False: remove it.</summary>
    public bool DryRun { get; set; } = true;
}

internal static class StartRetentionRun
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/runs", async Task<Created<RetentionRunResponse>> (StartRetentionRunRequest? request, KontorDb db, CurrentUser user, RetentionRunner runner, CancellationToken ct) =>
            {
                var run = await ExecuteAsync(request ?? new StartRetentionRunRequest(), db, user, runner, ct);
                return TypedResults.Created($"/api/retention/runs/{run.Id}", run);
            })
            .WithName(nameof(StartRetentionRun))
            .WithSummary("Run retention now for your organisation")
            .WithDescription("Runs every retention source now and returns the run's report. With dryRun (the default) nothing changes and the report lists what would go. 409 while another run of your organisation is going. Administrators only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Shared by the endpoint and the retention page.</summary>
    public static async Task<RetentionRunResponse> ExecuteAsync(StartRetentionRunRequest request, KontorDb db, CurrentUser user, RetentionRunner runner, CancellationToken ct)
    {
        if (request.DryRun)
        {
            AdminAccess.Require(user);
        }
        else
        {
            AdminAccess.RequireChange(user);
        }

        var run = await runner.RunAsync(db, request.DryRun, user.Id, ct);
        return await RetentionRunResponse.FromAsync(db, run, ct);
    }
}
