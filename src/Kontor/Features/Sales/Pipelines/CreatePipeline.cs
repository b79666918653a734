using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Pipelines;

internal static class CreatePipeline
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<PipelineResponse>> (CreatePipelineRequest request, KontorDb db, CurrentUser user, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, user, ct);
                return TypedResults.Created($"/api/pipelines/{created.Id}", created);
            })
            .WithName(nameof(CreatePipeline))
            .WithSummary("Create a pipeline (administrators)")
            .WithDescription("Stages are kept in the order sent; without stages the pipeline starts with the usual B2B stages. A pipeline needs at least one open, one won and one lost stage.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<PipelineResponse> ExecuteAsync(CreatePipelineRequest request, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AdminAccess.RequireChange(user);
        var errors = RequestValidator.Validate(request);
        var name = request.Name.Trim();
        var template = DefaultPipeline.Create(german: false).Stages;
        var stages = request.Stages ?? [.. template.Select(PipelineStageRequest.From)];
        var built = new List<PipelineStage>();
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i] ?? new PipelineStageRequest();
            var fields = PipelineRules.CheckStage(stage, $"stages[{i}].", errors);
            built.Add(new PipelineStage(stage.Name.Trim(), (i + 1) * 10, stage.Probability, stage.ForecastCategory, stage.Outcome, fields));
        }

        if (built.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != built.Count)
        {
            errors["stages"] = [Opportunities.OpportunityMessages.Get("Each stage of a pipeline needs its own name.")];
        }
        else if (!errors.ContainsKey("stages") && !new[] { Pipelines.StageOutcome.Open, StageOutcome.Won, StageOutcome.Lost }.All(o => built.Any(s => s.Outcome == o)))
        {
            errors["stages"] = [PipelineRules.MissingOutcomes];
        }

        if (name.Length > 0 && await db.Pipelines.AnyAsync(p => p.Name == name, ct))
        {
            errors["name"] = [Opportunities.OpportunityMessages.Get("Another pipeline already has this name.")];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await DefaultPipeline.GetOrCreateAsync(db, ct);
        var pipeline = new Pipeline(name, isDefault: false);
        pipeline.Stages.AddRange(built);
        db.Pipelines.Add(pipeline);
        if (request.IsDefault)
        {
            await UpdatePipeline.MakeDefaultAsync(db, pipeline, ct);
        }

        await db.SaveChangesAsync(ct);
        return PipelineResponse.From(pipeline, new Dictionary<Guid, int>());
    }
}
