using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Search;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>The values of an opportunity a slice sets after validation; stage moves go through <see cref="Opportunity.MoveTo"/>.</summary>
public sealed record OpportunityFields(
    string Name,
    Guid AccountId,
    Guid OwnerId,
    Guid? InsideSalesTeamId,
    long? Amount,
    string Currency,
    DateOnly? CloseDate,
    string? NextStep,
    string? LeadSource,
    string? Competitors,
    string? LossReason,
    string? Description);

/// <summary>A potential deal with an account, moving through the stages of a pipeline.</summary>
public sealed class Opportunity : RecordEntity, IAccessControlled, IGloballySearchable
{
    private Opportunity() { } // For EF Core.

    /// <summary>A new opportunity in <paramref name="stage"/> of <paramref name="pipeline"/>; its first stage history row is added to <see cref="StageHistory"/>.</summary>
    public Opportunity(OpportunityFields fields, Pipeline pipeline, PipelineStage stage, Guid? actor, DateTimeOffset now)
    {
        Apply(fields);
        PipelineId = pipeline.Id;
        Enter(stage, actor, now);
    }

    public static string? SharedWithTeamProperty => nameof(InsideSalesTeamId);

    public static SecuredObject SecuredObject => SalesObjects.Opportunities;

    [Audited]
    public string Name { get; private set; } = "";

    [Audited]
    public Guid AccountId { get; private set; }

    /// <summary>The field-sales rep who owns the deal (usually the account's owner).</summary>
    [Audited]
    public Guid OwnerId { get; private set; }

    /// <summary>The inside-sales team that supports the deal (the account's); its members see and edit it.</summary>
    [Audited]
    public Guid? InsideSalesTeamId { get; private set; }

    public Guid PipelineId { get; private set; }

    public Guid StageId { get; private set; }

    /// <summary>The stage's name when the opportunity entered it: the field history shows a move by name, as the stage was called then.</summary>
    [Audited]
    public string StageName { get; private set; } = "";

    /// <summary>Expected revenue in minor units of <see cref="Currency"/>; null until known.</summary>
    [Audited]
    public long? Amount { get; private set; }

    /// <summary>ISO 4217 code.</summary>
    [Audited]
    public string Currency { get; private set; } = "EUR";

    [Audited]
    public DateOnly? CloseDate { get; private set; }

    /// <summary>The close date for ordering, undated opportunities last: a plain column, so lists and board columns read an index in order.</summary>
    public DateOnly CloseDateOrder { get; private set; }

    /// <summary>Win probability in percent, taken from the stage on every move.</summary>
    [Audited]
    public int Probability { get; private set; }

    /// <summary>Copied from the stage so forecasts group without a join.</summary>
    public ForecastCategory ForecastCategory { get; private set; }

    /// <summary>Open, won or lost: copied from the stage.</summary>
    [Audited]
    public StageOutcome Outcome { get; private set; }

    /// <summary>When the opportunity entered a won or lost stage; null while open.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    [Audited]
    public string? NextStep { get; private set; }

    public string? LeadSource { get; private set; }

    [Audited]
    public string? Competitors { get; private set; }

    [Audited]
    public string? LossReason { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Folded name for sorting and keyset paging.</summary>
    public string SortName { get; private set; } = "";

    /// <summary>Folded name and competitors for list search.</summary>
    public string SearchTerms { get; private set; } = "";

    /// <summary>The stages the opportunity has been in, for stage durations; the open row has no <see cref="OpportunityStageChange.LeftAt"/>.</summary>
    public List<OpportunityStageChange> StageHistory { get; private set; } = [];

    /// <summary>The contacts who take part in the deal, with their roles.</summary>
    public List<OpportunityContact> Contacts { get; private set; } = [];

    /// <summary>The products of the deal; while there are any, <see cref="Amount"/> is their total (see <see cref="RollUpAmount"/>).</summary>
    public List<OpportunityProduct> Products { get; private set; } = [];

    Guid? IAccessControlled.SharedWithTeamId => InsideSalesTeamId;

    public void Apply(OpportunityFields fields)
    {
        Name = fields.Name;
        AccountId = fields.AccountId;
        OwnerId = fields.OwnerId;
        InsideSalesTeamId = fields.InsideSalesTeamId;
        Amount = fields.Amount;
        Currency = fields.Currency;
        CloseDate = fields.CloseDate;
        CloseDateOrder = fields.CloseDate ?? DateOnly.MaxValue;
        NextStep = fields.NextStep;
        LeadSource = fields.LeadSource;
        Competitors = fields.Competitors;
        LossReason = fields.LossReason;
        Description = fields.Description;
        SortName = SearchText.SortKey(Name);
        SearchTerms = SearchText.Combine(Name, Competitors);
    }

    /// <summary>
    /// Sets <see cref="Amount"/> to the net total of the product lines; the caller has loaded and calculated them. Without
    /// lines the amount stays as it was and is typed again (ADR 0024).
    /// </summary>
    internal void RollUpAmount(long netTotal) => Amount = netTotal;

    /// <summary>
    /// Moves the opportunity into <paramref name="stage"/> of its pipeline: closes the open stage-history row and
    /// opens one for the new stage. The caller has checked the stage's required fields
    /// (<see cref="OpportunityRequiredFields.Missing"/>); the history rows must be loaded.
    /// </summary>
    public void MoveTo(PipelineStage stage, Guid? actor, DateTimeOffset now)
    {
        if (stage.Id == StageId)
        {
            return;
        }

        if (stage.PipelineId != PipelineId)
        {
            throw new InvalidOperationException("A stage of another pipeline.");
        }

        foreach (var open in StageHistory.Where(h => h.LeftAt is null))
        {
            open.Leave(now);
        }

        Enter(stage, actor, now);
    }

    private void Enter(PipelineStage stage, Guid? actor, DateTimeOffset now)
    {
        StageId = stage.Id;
        StageName = stage.Name;
        Probability = stage.Probability;
        ForecastCategory = stage.ForecastCategory;
        Outcome = stage.Outcome;
        ClosedAt = stage.Outcome == StageOutcome.Open ? null : now;
        StageHistory.Add(new OpportunityStageChange(Id, stage.Id, actor, now));
    }
}

/// <summary>One stay of an opportunity in a stage: entered, left (null while it is still there) and by whom it was moved in.</summary>
public sealed class OpportunityStageChange : TenantEntity
{
    private OpportunityStageChange() { } // For EF Core.

    public OpportunityStageChange(Guid opportunityId, Guid stageId, Guid? enteredBy, DateTimeOffset enteredAt)
    {
        OpportunityId = opportunityId;
        StageId = stageId;
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
    }

    public Guid OpportunityId { get; private set; }
    public Guid StageId { get; private set; }
    public Guid? EnteredBy { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    internal void Leave(DateTimeOffset now) => LeftAt = now;
}

/// <summary>The part a contact plays in a deal.</summary>
public enum ContactRole
{
    DecisionMaker,
    EconomicBuyer,
    Influencer,
    User,
    Other,
}

/// <summary>A contact of the opportunity's account taking part in the deal, in a role.</summary>
public sealed class OpportunityContact : TenantEntity
{
    private OpportunityContact() { } // For EF Core.

    public OpportunityContact(Guid opportunityId, Guid contactId, ContactRole role)
    {
        OpportunityId = opportunityId;
        ContactId = contactId;
        Role = role;
    }

    public Guid OpportunityId { get; private set; }
    public Guid ContactId { get; private set; }
    public ContactRole Role { get; private set; }

    public void Change(ContactRole role) => Role = role;

    /// <summary>A merge of two contacts hands the role to the surviving contact.</summary>
    internal void MoveTo(Guid contactId) => ContactId = contactId;
}
