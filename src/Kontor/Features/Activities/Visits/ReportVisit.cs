using Kontor.Features.Activities.Shared;
using Kontor.Features.Activities.Tasks;
using Kontor.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Activities.Visits;

internal static class ReportVisit
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/visits/{id:guid}/report", async Task<Results<Ok<VisitResponse>, NotFound>> (
                Guid id, ReportVisitRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(id, request, access, clock, ct) is { } reported ? TypedResults.Ok(reported) : TypedResults.NotFound())
            .WithName(nameof(ReportVisit))
            .WithSummary("Write the report of a visit: outcome, summary, next steps, contacts met and follow-up tasks")
            .WithDescription("The visit becomes done and the follow-up tasks are created on the visited record in one transaction: a report with an invalid follow-up changes nothing. Reporting again replaces the report and adds the new follow-ups.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the report form. Null when the visit is not visible.</summary>
    public static async Task<VisitResponse?> ExecuteAsync(Guid id, ReportVisitRequest request, ActivityAccess access, TimeProvider clock, CancellationToken ct)
    {
        var visit = await access.FindAsync<Visit>(id, ct);
        if (visit is null)
        {
            return null;
        }

        await access.RequireChangeAsync(visit, ObjectPermissions.Edit, ct);
        var (report, followUps) = await request.ResolveAsync(access.Db, access.Targets, access.User, ct);
        var now = clock.GetUtcNow();
        visit.Report(report, now);
        access.Db.Activities.AddRange(followUps.Select(task => new TaskItem(visit.Target, task, now)));

        // One SaveChanges, one transaction: the report and its follow-up tasks are stored together or not at all.
        await access.Db.SaveChangesAsync(ct);
        return (await VisitResponse.DescribeAsync(access, [visit], ct))[0];
    }
}
