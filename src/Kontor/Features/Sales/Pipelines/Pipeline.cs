using Kontor.Platform.Data;

namespace Kontor.Features.Sales.Pipelines;

/// <summary>Where an opportunity in a stage is counted in a forecast.</summary>
public enum ForecastCategory
{
    /// <summary>Open, not yet judged likely: counted in the pipeline only.</summary>
    Pipeline,

    /// <summary>Could close this period if things go well.</summary>
    BestCase,

    /// <summary>The owner commits to closing it this period.</summary>
    Commit,

    /// <summary>Won.</summary>
    Closed,

    /// <summary>Lost or otherwise left out of every forecast figure.</summary>
    Omitted,
}

/// <summary>Whether a stage is still open or ends the opportunity as won or lost.</summary>
public enum StageOutcome
{
    Open,
    Won,
    Lost,
}

/// <summary>A tenant's sales process: its ordered stages an opportunity moves through.</summary>
public sealed class Pipeline : TenantEntity
{
    private Pipeline() { } // For EF Core.

    public Pipeline(string name, bool isDefault)
    {
        Name = name;
        IsDefault = isDefault;
    }

    public string Name { get; private set; } = "";

    /// <summary>New opportunities (and converted leads) land in the default pipeline unless told otherwise; one per tenant.</summary>
    public bool IsDefault { get; private set; }

    /// <summary>Archived pipelines keep their opportunities but take no new ones.</summary>
    public bool IsArchived { get; private set; }

    public List<PipelineStage> Stages { get; private set; } = [];

    public void Rename(string name) => Name = name;

    public void MakeDefault(bool isDefault) => IsDefault = isDefault;

    public void Archive(bool archived) => IsArchived = archived;

    /// <summary>The first open stage by order: where new opportunities start.</summary>
    public PipelineStage FirstOpenStage() =>
        Stages.Where(s => s.Outcome == StageOutcome.Open).OrderBy(s => s.Order).First();
}

/// <summary>One step of a pipeline, with the probability and forecast category its opportunities take.</summary>
public sealed class PipelineStage : TenantEntity
{
    private PipelineStage() { } // For EF Core.

    public PipelineStage(string name, int order, int probability, ForecastCategory forecastCategory, StageOutcome outcome, IEnumerable<string>? requiredFields = null)
    {
        Name = name;
        Order = order;
        Probability = probability;
        ForecastCategory = forecastCategory;
        Outcome = outcome;
        RequiredFields = [.. requiredFields ?? []];
    }

    public Guid PipelineId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Position in the pipeline, ascending.</summary>
    public int Order { get; private set; }

    /// <summary>Win probability in percent (0–100) an opportunity takes when it enters the stage.</summary>
    public int Probability { get; private set; }

    public ForecastCategory ForecastCategory { get; private set; }
    public StageOutcome Outcome { get; private set; }

    /// <summary>Names of <see cref="Opportunities.Opportunity"/> fields that must be filled before an opportunity may enter the stage (the names <see cref="Opportunities.OpportunityRequiredFields"/> knows).</summary>
    public List<string> RequiredFields { get; private set; } = [];

    public void Change(string name, int order, int probability, ForecastCategory forecastCategory, StageOutcome outcome, IEnumerable<string> requiredFields)
    {
        Name = name;
        Order = order;
        Probability = probability;
        ForecastCategory = forecastCategory;
        Outcome = outcome;
        RequiredFields = [.. requiredFields];
    }

    public void Reorder(int order) => Order = order;
}
