using System.ComponentModel.DataAnnotations;
using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Http;
using Kontor.Platform.Validation;

namespace Kontor.Features.Sales.Pipelines;

/// <summary>A stage as clients send it: the body of adding or changing a stage, and one row of the pipeline admin page.</summary>
public sealed class PipelineStageRequest
{
    [Mandatory, MaxChars(100)]
    public string Name { get; set; } = "";

    /// <summary>Win probability in percent, 0–100.</summary>
    [Range(0, 100)]
    public int Probability { get; set; }

    public ForecastCategory ForecastCategory { get; set; } = ForecastCategory.Pipeline;

    public StageOutcome Outcome { get; set; } = StageOutcome.Open;

    /// <summary>Fields an opportunity must have filled before it may enter the stage: Amount, CloseDate, NextStep, Competitors, LossReason, Description.</summary>
    public List<string> RequiredFields { get; set; } = [];

    /// <summary>1-based position among the stages when a stage is added; at the end when left out.</summary>
    [Range(1, 100)]
    public int? Position { get; set; }

    public static PipelineStageRequest From(PipelineStage stage) => new()
    {
        Name = stage.Name,
        Probability = stage.Probability,
        ForecastCategory = stage.ForecastCategory,
        Outcome = stage.Outcome,
        RequiredFields = [.. stage.RequiredFields],
    };
}

/// <summary>Body of <c>POST /api/pipelines</c>.</summary>
public sealed class CreatePipelineRequest
{
    [Mandatory, MaxChars(100)]
    public string Name { get; set; } = "";

    /// <summary>Makes the new pipeline the tenant's default (the previous default stops being one).</summary>
    public bool IsDefault { get; set; }

    /// <summary>The stages in order; at least one open, one won and one lost stage. The default pipeline's stages when left out.</summary>
    public List<PipelineStageRequest>? Stages { get; set; }
}

/// <summary>Body of <c>PATCH /api/pipelines/{id}</c>: only the members sent are changed.</summary>
public sealed class UpdatePipelineRequest
{
    [MaxChars(100)]
    public string? Name { get; set; }

    /// <summary>True makes this the default pipeline; to change the default, make another pipeline the default.</summary>
    public bool? IsDefault { get; set; }

    /// <summary>Archived pipelines keep their opportunities but take no new ones; the default pipeline cannot be archived.</summary>
    public bool? IsArchived { get; set; }
}

/// <summary>Body of <c>PUT /api/pipelines/{id}/stages/order</c>.</summary>
public sealed class ReorderStagesRequest
{
    /// <summary>Every stage id of the pipeline, in the new order.</summary>
    public List<Guid> StageIds { get; set; } = [];
}

/// <summary>The rules every pipeline keeps: valid stages, at least one open, one won and one lost.</summary>
internal static class PipelineRules
{
    /// <summary>Field errors of one stage under <paramref name="prefix"/> (<c>stages[2].</c> or empty); the required fields are returned in their canonical spelling.</summary>
    public static List<string> CheckStage(PipelineStageRequest stage, string prefix, Dictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in RequestValidator.Validate(stage))
        {
            errors[prefix + field] = messages;
        }

        var fields = new List<string>();
        foreach (var name in stage.RequiredFields)
        {
            var known = OpportunityRequiredFields.All.FirstOrDefault(f => string.Equals(f, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                errors[prefix + "requiredFields"] = [OpportunityMessages.Format("Use one of: {0}.", string.Join(", ", OpportunityRequiredFields.All))];
            }
            else if (!fields.Contains(known))
            {
                fields.Add(known);
            }
        }

        return fields;
    }

    /// <summary>Throws a 409 unless the stages include an open, a won and a lost stage.</summary>
    public static void RequireOutcomes(IEnumerable<StageOutcome> outcomes)
    {
        var present = outcomes.ToHashSet();
        if (!present.Contains(StageOutcome.Open) || !present.Contains(StageOutcome.Won) || !present.Contains(StageOutcome.Lost))
        {
            throw new BusinessRuleException(MissingOutcomes);
        }
    }

    public static string MissingOutcomes => OpportunityMessages.Get("A pipeline needs at least one open stage, one won stage and one lost stage.");

    /// <summary>Gives the stages the orders 10, 20, 30 … in the given sequence.</summary>
    public static void Renumber(IEnumerable<PipelineStage> inOrder)
    {
        var order = 10;
        foreach (var stage in inOrder)
        {
            stage.Reorder(order);
            order += 10;
        }
    }
}
