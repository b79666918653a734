using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Pipelines;

/// <summary>A stage as the API returns it; <c>opportunityCount</c> counts the opportunities in it the caller can see (null in lists).</summary>
public sealed record PipelineStageResponse(
    Guid Id,
    string Name,
    int Order,
    int Probability,
    ForecastCategory ForecastCategory,
    StageOutcome Outcome,
    IReadOnlyList<string> RequiredFields,
    int? OpportunityCount = null);

/// <summary>A pipeline with its stages in order.</summary>
public sealed record PipelineResponse(Guid Id, string Name, bool IsDefault, bool IsArchived, IReadOnlyList<PipelineStageResponse> Stages)
{
    public static PipelineResponse From(Pipeline pipeline, IReadOnlyDictionary<Guid, int>? counts = null) => new(
        pipeline.Id,
        pipeline.Name,
        pipeline.IsDefault,
        pipeline.IsArchived,
        [.. pipeline.Stages.OrderBy(s => s.Order).Select(s => new PipelineStageResponse(
            s.Id, s.Name, s.Order, s.Probability, s.ForecastCategory, s.Outcome, s.RequiredFields,
            counts is null ? null : counts.GetValueOrDefault(s.Id)))]);

    /// <summary>The pipeline with the number of visible opportunities per stage, or null when it does not exist.</summary>
    public static async Task<PipelineResponse?> LoadAsync(KontorDb db, Guid id, CancellationToken ct)
    {
        var pipeline = await db.Pipelines.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (pipeline is null)
        {
            return null;
        }

        var counts = await db.Opportunities.Where(o => o.PipelineId == id)
            .GroupBy(o => o.StageId)
            .Select(g => new { StageId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.StageId, g => g.Count, ct);
        return From(pipeline, counts);
    }
}
