using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Targets;

internal static class UpdateTarget
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Results<Ok<TargetResponse>, NotFound>> (
                Guid id, UpdateTargetRequest request, KontorDb db, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, figures, user, clock, ct) is { } updated ? TypedResults.Ok(updated) : TypedResults.NotFound())
            .WithName(nameof(UpdateTarget))
            .WithSummary("Change a target's amount or currency")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Shared by the endpoint and the targets page. Null when there is no such target or the caller may not see it.</summary>
    public static async Task<TargetResponse?> ExecuteAsync(
        Guid id, UpdateTargetRequest request, KontorDb db, SalesFigures figures, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        if (await TargetReads.FindForChangeAsync(id, db, figures, ct) is not { } target)
        {
            return null;
        }

        if (request.Currency != target.Currency
            && await db.SalesTargets.AnyAsync(t => t.Id != id && t.Period == target.Period && t.SubjectKind == target.SubjectKind && t.SubjectId == target.SubjectId && t.Currency == request.Currency, ct))
        {
            throw new BusinessRuleException($"There is already a target for {target.Period} in {request.Currency}.");
        }

        target.Change(request.Amount!.Value, request.Currency, user.ActorId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await TargetReads.DescribeAsync(target, figures, ct);
    }
}

internal static class DeleteTarget
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, KontorDb db, SalesFigures figures, CancellationToken ct) =>
                await ExecuteAsync(id, db, figures, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName(nameof(DeleteTarget))
            .WithSummary("Remove a target")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Shared by the endpoint and the targets page. False when there is no such target or the caller may not see it.</summary>
    public static async Task<bool> ExecuteAsync(Guid id, KontorDb db, SalesFigures figures, CancellationToken ct)
    {
        if (await TargetReads.FindForChangeAsync(id, db, figures, ct) is not { } target)
        {
            return false;
        }

        db.SalesTargets.Remove(target);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

internal static class GetTarget
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<TargetResponse>, NotFound>> (Guid id, KontorDb db, SalesFigures figures, CancellationToken ct) =>
                await ExecuteAsync(id, db, figures, ct) is { } target ? TypedResults.Ok(target) : TypedResults.NotFound())
            .WithName(nameof(GetTarget))
            .WithSummary("One target with its actual and attainment");

    /// <summary>Null when there is no such target or the caller may not see its subject's figures.</summary>
    public static async Task<TargetResponse?> ExecuteAsync(Guid id, KontorDb db, SalesFigures figures, CancellationToken ct)
    {
        var target = await db.SalesTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return null;
        }

        try
        {
            return await TargetReads.DescribeAsync(target, figures, ct);
        }
        catch (ForbiddenException)
        {
            // Whose targets exist is itself a figure about people: an unreadable one is answered like a missing one.
            return null;
        }
    }
}

/// <summary>Reads shared by the target use cases.</summary>
internal static class TargetReads
{
    public static FigureSubjects SubjectOf(SalesTarget target) =>
        target.SubjectKind == SubjectKind.Team ? FigureSubjects.Team(target.SubjectId) : FigureSubjects.User(target.SubjectId);

    /// <summary>The target with its actual, read through <see cref="SalesFigures"/>.</summary>
    public static async Task<TargetResponse> DescribeAsync(SalesTarget target, SalesFigures figures, CancellationToken ct)
    {
        var period = SalesPeriod.TryParse(target.Period)!;
        var all = await figures.TargetsAsync(SubjectOf(target), period, ct);
        return all.Single(t => t.Id == target.Id);
    }

    /// <summary>The tracked target when the caller may see it (else null, a 404) and may set it (else 403).</summary>
    public static async Task<SalesTarget?> FindForChangeAsync(Guid id, KontorDb db, SalesFigures figures, CancellationToken ct)
    {
        var target = await db.SalesTargets.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return null;
        }

        var subject = SubjectOf(target);
        if (!await figures.MaySetTargetAsync(subject, ct))
        {
            var visible = target.SubjectKind == SubjectKind.User && await figures.MaySeeAsync([target.SubjectId], ct);
            return visible ? throw new ForbiddenException("Administrators set targets, and team leads those of their teams and their members.") : null;
        }

        return target;
    }
}
