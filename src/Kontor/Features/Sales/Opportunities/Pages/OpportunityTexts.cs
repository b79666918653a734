using Kontor.Features.Sales.Pipelines;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Sales.Opportunities.Pages;

/// <summary>Names of the sales enums as the pages show them.</summary>
internal sealed class OpportunityTexts(IStringLocalizer<OpportunitiesText> l)
{
    public string Outcome(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Open => l["Open"],
        StageOutcome.Won => l["Won"],
        StageOutcome.Lost => l["Lost"],
        _ => outcome.ToString(),
    };

    public string Category(ForecastCategory category) => category switch
    {
        ForecastCategory.Pipeline => l["Pipeline"],
        ForecastCategory.BestCase => l["Best case"],
        ForecastCategory.Commit => l["Commit"],
        ForecastCategory.Closed => l["Closed"],
        ForecastCategory.Omitted => l["Omitted"],
        _ => category.ToString(),
    };

    public string Role(ContactRole role) => role switch
    {
        ContactRole.DecisionMaker => l["Decision maker"],
        ContactRole.EconomicBuyer => l["Economic buyer"],
        ContactRole.Influencer => l["Influencer"],
        ContactRole.User => l["User"],
        ContactRole.Other => l["Other"],
        _ => role.ToString(),
    };

    /// <summary>"3 d 4 h" style durations for stage stays.</summary>
    public string Duration(TimeSpan duration) =>
        duration.TotalDays >= 1 ? l["{0} d {1} h", (int)duration.TotalDays, duration.Hours]
        : duration.TotalHours >= 1 ? l["{0} h {1} min", (int)duration.TotalHours, duration.Minutes]
        : l["{0} min", Math.Max(0, (int)duration.TotalMinutes)];
}
