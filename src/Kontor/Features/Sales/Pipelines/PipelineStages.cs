using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Pipelines;

internal static class AddPipelineStage
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/stages", async Task<Results<Ok<PipelineResponse>, NotFound>> (Guid id, PipelineStageRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, user, ct) is { } pipeline ? TypedResults.Ok(pipeline) : TypedResults.NotFound())
            .WithName(nameof(AddPipelineStage))
            .WithSummary("Add a stage to a pipeline (administrators)")
            .WithDescription("At the 1-based position given, else at the end. Answers the whole pipeline.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<PipelineResponse?> ExecuteAsync(Guid id, PipelineStageRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var pipeline = await db.Pipelines.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (pipeline is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var fields = PipelineRules.CheckStage(request, "", errors);
        StageNames.Check(pipeline, request.Name, except: null, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var stage = new PipelineStage(request.Name.Trim(), 0, request.Probability, request.ForecastCategory, request.Outcome, fields);
        var ordered = pipeline.Stages.OrderBy(s => s.Order).ToList();
        ordered.Insert(Math.Min((request.Position ?? int.MaxValue) - 1, ordered.Count), stage);
        pipeline.Stages.Add(stage);
        PipelineRules.Renumber(ordered);
        await db.SaveChangesAsync(ct);
        return await PipelineResponse.LoadAsync(db, id, ct);
    }
}

internal static class UpdatePipelineStage
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}/stages/{stageId:guid}", async Task<Results<Ok<PipelineResponse>, NotFound>> (
                Guid id, Guid stageId, PipelineStageRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, stageId, request, db, user, ct) is { } pipeline ? TypedResults.Ok(pipeline) : TypedResults.NotFound())
            .WithName(nameof(UpdatePipelineStage))
            .WithSummary("Change a stage: name, probability, forecast category, outcome, required fields (administrators)")
            .WithDescription("The opportunities in the stage take its new probability and forecast category. A stage with opportunities cannot change between open, won and lost (409); a pipeline keeps at least one open, one won and one lost stage (409). With position the stage also moves.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<PipelineResponse?> ExecuteAsync(Guid id, Guid stageId, PipelineStageRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var pipeline = await db.Pipelines.SingleOrDefaultAsync(p => p.Id == id, ct);
        var stage = pipeline?.Stages.SingleOrDefault(s => s.Id == stageId);
        if (pipeline is null || stage is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var fields = PipelineRules.CheckStage(request, "", errors);
        StageNames.Check(pipeline, request.Name, except: stage, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var opportunities = AllOpportunities(db).Where(o => o.StageId == stageId);
        if (request.Outcome != stage.Outcome && await opportunities.AnyAsync(ct))
        {
            throw new BusinessRuleException(OpportunityMessages.Get("This stage has opportunities, so it cannot change between open, won and lost. Move them to another stage first."));
        }

        PipelineRules.RequireOutcomes(pipeline.Stages.Select(s => s.Id == stageId ? request.Outcome : s.Outcome));
        var name = request.Name.Trim();
        stage.Change(name, stage.Order, request.Probability, request.ForecastCategory, request.Outcome, fields);
        if (request.Position is { } position)
        {
            var ordered = pipeline.Stages.Where(s => s.Id != stageId).OrderBy(s => s.Order).ToList();
            ordered.Insert(Math.Min(position - 1, ordered.Count), stage);
            PipelineRules.Renumber(ordered);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);

        // Forecasts group by the values copied onto each opportunity, so they follow the stage at once; this is a
        // change of the stage, not of the opportunities, so it leaves their field history and versions alone.
        await opportunities.ExecuteUpdateAsync(
            o => o.SetProperty(x => x.Probability, request.Probability)
                .SetProperty(x => x.ForecastCategory, request.ForecastCategory)
                .SetProperty(x => x.StageName, name),
            ct);
        await transaction.CommitAsync(ct);
        return await PipelineResponse.LoadAsync(db, id, ct);
    }

    /// <summary>Every opportunity of the tenant, also ones in the recycle bin or invisible to the caller: they all sit in stages.</summary>
    public static IQueryable<Opportunity> AllOpportunities(KontorDb db) =>
        db.Opportunities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess]);
}

internal static class ReorderPipelineStages
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}/stages/order", async Task<Results<Ok<PipelineResponse>, NotFound>> (
                Guid id, ReorderStagesRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, user, ct) is { } pipeline ? TypedResults.Ok(pipeline) : TypedResults.NotFound())
            .WithName(nameof(ReorderPipelineStages))
            .WithSummary("Put a pipeline's stages in a new order (administrators)")
            .WithDescription("stageIds lists every stage of the pipeline exactly once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<PipelineResponse?> ExecuteAsync(Guid id, ReorderStagesRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var pipeline = await db.Pipelines.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (pipeline is null)
        {
            return null;
        }

        var ids = request.StageIds ?? [];
        if (ids.Count != pipeline.Stages.Count || ids.Distinct().Count() != ids.Count || !ids.All(i => pipeline.Stages.Any(s => s.Id == i)))
        {
            throw RequestValidationException.For("stageIds", OpportunityMessages.Get("List every stage of the pipeline exactly once."));
        }

        PipelineRules.Renumber(ids.Select(i => pipeline.Stages.Single(s => s.Id == i)));
        await db.SaveChangesAsync(ct);
        return await PipelineResponse.LoadAsync(db, id, ct);
    }
}

internal static class RemovePipelineStage
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}/stages/{stageId:guid}", async Task<Results<Ok<PipelineResponse>, NotFound>> (
                Guid id, Guid stageId, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(id, stageId, db, user, ct) is { } pipeline ? TypedResults.Ok(pipeline) : TypedResults.NotFound())
            .WithName(nameof(RemovePipelineStage))
            .WithSummary("Remove a stage from a pipeline (administrators)")
            .WithDescription("Refused (409) while opportunities are in the stage (also ones in the recycle bin), when opportunities have been in it (their stage history keeps it), and when the pipeline would lose its last open, won or lost stage.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<PipelineResponse?> ExecuteAsync(Guid id, Guid stageId, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var pipeline = await db.Pipelines.SingleOrDefaultAsync(p => p.Id == id, ct);
        var stage = pipeline?.Stages.SingleOrDefault(s => s.Id == stageId);
        if (pipeline is null || stage is null)
        {
            return null;
        }

        var count = await UpdatePipelineStage.AllOpportunities(db).Where(o => o.StageId == stageId).Take(10_001).CountAsync(ct);
        if (count > 0)
        {
            throw new BusinessRuleException(OpportunityMessages.Format(
                "The stage '{0}' still has {1} opportunities. Move them to another stage before you remove it.", stage.Name, count > 10_000 ? "10,000+" : count));
        }

        if (await db.OpportunityStageChanges.AnyAsync(h => h.StageId == stageId, ct))
        {
            throw new BusinessRuleException(OpportunityMessages.Format(
                "Opportunities have been in the stage '{0}' and their stage history keeps it, so it cannot be removed. Rename it instead.", stage.Name));
        }

        PipelineRules.RequireOutcomes(pipeline.Stages.Where(s => s.Id != stageId).Select(s => s.Outcome));
        pipeline.Stages.Remove(stage);
        db.PipelineStages.Remove(stage);
        PipelineRules.Renumber(pipeline.Stages.OrderBy(s => s.Order));
        await db.SaveChangesAsync(ct);
        return await PipelineResponse.LoadAsync(db, id, ct);
    }
}

/// <summary>Stage names are unique within their pipeline, so people tell columns and history entries apart.</summary>
internal static class StageNames
{
    public static void Check(Pipeline pipeline, string? name, PipelineStage? except, Dictionary<string, string[]> errors)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length > 0 && pipeline.Stages.Any(s => s != except && string.Equals(s.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            errors["name"] = [OpportunityMessages.Get("Each stage of a pipeline needs its own name.")];
        }
    }
}
