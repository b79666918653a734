using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Pipelines;

/// <summary>The pipeline a tenant starts with, created on first use so every tenant always has one.</summary>
public static class DefaultPipeline
{
    /// <summary>The tenant's default pipeline with its stages; created (and saved) when the tenant has none yet.</summary>
    public static async Task<Pipeline> GetOrCreateAsync(KontorDb db, CancellationToken ct)
    {
        var existing = await db.Pipelines.Where(p => p.IsDefault && !p.IsArchived).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        var country = await db.Tenants.Select(t => t.DefaultCountry).SingleAsync(ct);
        var pipeline = Create(german: GermanSpeaking.Contains(country));
        db.Pipelines.Add(pipeline);
        await db.SaveChangesAsync(ct);
        return pipeline;
    }

    private static readonly HashSet<string> GermanSpeaking = ["DE", "AT", "CH", "LI", "LU"];

    /// <summary>
    /// A pipeline of the usual B2B stages. Stage names are the tenant's data (admins rename them), so they are
    /// stored in the language of the tenant's country rather than translated per user.
    /// </summary>
    public static Pipeline Create(bool german)
    {
        string Name(string de, string en) => german ? de : en;
        var pipeline = new Pipeline(Name("Vertrieb", "Sales"), isDefault: true);
        pipeline.Stages.AddRange(
        [
            new PipelineStage(Name("Qualifizierung", "Qualification"), 10, 10, ForecastCategory.Pipeline, StageOutcome.Open),
            new PipelineStage(Name("Bedarfsanalyse", "Needs analysis"), 20, 25, ForecastCategory.Pipeline, StageOutcome.Open),
            new PipelineStage(Name("Angebot", "Proposal"), 30, 50, ForecastCategory.BestCase, StageOutcome.Open, [OpportunityRequiredFields.Amount, OpportunityRequiredFields.CloseDate]),
            new PipelineStage(Name("Verhandlung", "Negotiation"), 40, 75, ForecastCategory.Commit, StageOutcome.Open, [OpportunityRequiredFields.Amount, OpportunityRequiredFields.CloseDate, OpportunityRequiredFields.NextStep]),
            new PipelineStage(Name("Gewonnen", "Closed won"), 50, 100, ForecastCategory.Closed, StageOutcome.Won, [OpportunityRequiredFields.Amount]),
            new PipelineStage(Name("Verloren", "Closed lost"), 60, 0, ForecastCategory.Omitted, StageOutcome.Lost, [OpportunityRequiredFields.LossReason]),
        ]);
        return pipeline;
    }
}
