using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Targets;

internal static class CreateTarget
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<TargetResponse>> (
                CreateTargetRequest request, KontorDb db, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, figures, user, clock, ct);
                return TypedResults.Created($"/api/targets/{created.Id}", created);
            })
            .WithName(nameof(CreateTarget))
            .WithSummary("Set a target for a user or a team and a period")
            .WithDescription("Exactly one of userId and teamId. Administrators set every target, team leads those of their teams and their members. 409 when the subject already has a target for the period in the currency.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Shared by the endpoint and the targets page.</summary>
    public static async Task<TargetResponse> ExecuteAsync(
        CreateTargetRequest request, KontorDb db, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var errors = RequestValidator.Validate(request);
        var period = SalesPeriod.TryParse(request.Period);
        if (period is null && !errors.ContainsKey("period"))
        {
            errors["period"] = ["Use a month (2026-11), a quarter (2026-Q4) or a year (2026)."];
        }

        FigureSubjects? subject = null;
        if (request.UserId is { } userId == request.TeamId is { })
        {
            errors["userId"] = ["Give either userId or teamId."];
        }
        else if (request.UserId is { } forUser)
        {
            subject = await db.Users.AnyAsync(u => u.Id == forUser, ct) ? FigureSubjects.User(forUser) : null;
            if (subject is null)
            {
                errors["userId"] = ["There is no user with this id."];
            }
        }
        else
        {
            var team = request.TeamId!.Value;
            subject = await db.Teams.AnyAsync(t => t.Id == team, ct) ? FigureSubjects.Team(team) : null;
            if (subject is null)
            {
                errors["teamId"] = ["There is no team with this id."];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (!await figures.MaySetTargetAsync(subject!, ct))
        {
            throw new ForbiddenException("Administrators set targets, and team leads those of their teams and their members.");
        }

        var key = period!.Key;
        if (await db.SalesTargets.AnyAsync(t => t.Period == key && t.SubjectKind == subject!.Kind && t.SubjectId == subject.Id && t.Currency == request.Currency, ct))
        {
            throw new BusinessRuleException(SalesMessages.Forecast("There is already a target for {0} in {1}; change that one.", key, request.Currency));
        }

        var target = new SalesTarget(subject!.Kind, subject.Id, period, request.Amount!.Value, request.Currency, user.ActorId, clock.GetUtcNow());
        db.SalesTargets.Add(target);
        await db.SaveChangesAsync(ct);
        return await TargetReads.DescribeAsync(target, figures, ct);
    }
}
