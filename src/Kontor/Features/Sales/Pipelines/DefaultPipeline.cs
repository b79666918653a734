using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Pipelines;

/// <summary>The pipeline a tenant starts with, created on first use so every tenant always has one.</summary>
public static class DefaultPipeline
{
    /// <summary>
    /// The tenant's default pipeline with its stages; created (and saved) when the tenant has none yet. Two first
    /// requests of a new tenant may both find none and both create one: the unique pipeline name per tenant keeps the
    /// second out, and that request then reads the pipeline the first one created.
    /// </summary>
    public static async Task<Pipeline> GetOrCreateAsync(KontorDb db, CancellationToken ct)
    {
        if (await FindAsync(db, ct) is { } existing)
        {
            return existing;
        }

        var country = await db.Tenants.Select(t => t.DefaultCountry).SingleAsync(ct);
        var pipeline = Create(german: GermanSpeaking.Contains(country));
        db.Pipelines.Add(pipeline);
        try
        {
            await db.SaveChangesAsync(ct);
            return pipeline;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Inside a caller's transaction EF Core rolled back to the savepoint it set before saving, so reading on is safe.
            db.Entry(pipeline).State = EntityState.Detached;
            foreach (var stage in pipeline.Stages)
            {
                db.Entry(stage).State = EntityState.Detached;
            }

            return await FindAsync(db, ct) ?? throw new InvalidOperationException("The default pipeline could not be created.", e);
        }
    }

    private static Task<Pipeline?> FindAsync(KontorDb db, CancellationToken ct) =>
        db.Pipelines.Where(p => p.IsDefault && !p.IsArchived).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);

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
