namespace Kontor.Features.Sales.Opportunities;

/// <summary>The opportunity fields a pipeline stage can require before an opportunity enters it.</summary>
public static class OpportunityRequiredFields
{
    public const string Amount = nameof(Opportunity.Amount);
    public const string CloseDate = nameof(Opportunity.CloseDate);
    public const string NextStep = nameof(Opportunity.NextStep);
    public const string Competitors = nameof(Opportunity.Competitors);
    public const string LossReason = nameof(Opportunity.LossReason);
    public const string Description = nameof(Opportunity.Description);

    /// <summary>Every field a stage may require, in the order forms show them.</summary>
    public static IReadOnlyList<string> All { get; } = [Amount, CloseDate, NextStep, Competitors, LossReason, Description];

    /// <summary>The fields of <paramref name="requiredFields"/> that <paramref name="opportunity"/> leaves empty.</summary>
    public static IReadOnlyList<string> Missing(Opportunity opportunity, IEnumerable<string> requiredFields) =>
        [.. requiredFields.Where(field => field switch
        {
            Amount => opportunity.Amount is null or 0,
            CloseDate => opportunity.CloseDate is null,
            NextStep => string.IsNullOrWhiteSpace(opportunity.NextStep),
            Competitors => string.IsNullOrWhiteSpace(opportunity.Competitors),
            LossReason => string.IsNullOrWhiteSpace(opportunity.LossReason),
            Description => string.IsNullOrWhiteSpace(opportunity.Description),
            _ => false,
        })];
}
