using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Leads.Scoring;

/// <summary>What a scoring rule looks at.</summary>
public enum LeadScoreCondition
{
    /// <summary>The lead's segment equals <see cref="LeadScoringRule.Value"/>.</summary>
    SegmentIs,
    SourceIs,
    CampaignIs,
    CountryIs,

    /// <summary>The lead's rating equals <see cref="LeadScoringRule.Value"/> (Hot, Warm, Cold).</summary>
    RatingIs,
    HasPhone,
    HasEmail,
    HasCompany,

    /// <summary>Points for each call logged on the lead.</summary>
    PerCall,
    PerMeeting,
    PerNote,
    PerTask,
}

/// <summary>
/// One of a tenant's lead scoring rules: points for a field condition, or for each activity of a kind on the lead
/// (up to <see cref="MaxPoints"/>). A lead's score is the sum over all rules; the lead keeps the explanation.
/// </summary>
public sealed class LeadScoringRule : TenantEntity
{
    private LeadScoringRule() { } // For EF Core.

    public LeadScoringRule(string name, LeadScoreCondition condition, string? value, int points, int? maxPoints)
    {
        Change(name, condition, value, points, maxPoints);
    }

    public string Name { get; private set; } = "";
    public LeadScoreCondition Condition { get; private set; }

    /// <summary>The value compared with the field (segment, source, campaign, country, rating), ignoring case.</summary>
    public string? Value { get; private set; }

    /// <summary>Points given when the condition holds, or per activity; may be negative.</summary>
    public int Points { get; private set; }

    /// <summary>For rules per activity: the most points the rule gives one lead.</summary>
    public int? MaxPoints { get; private set; }

    public bool PerActivity => Condition is LeadScoreCondition.PerCall or LeadScoreCondition.PerMeeting or LeadScoreCondition.PerNote or LeadScoreCondition.PerTask;

    public void Change(string name, LeadScoreCondition condition, string? value, int points, int? maxPoints)
    {
        Name = name;
        Condition = condition;
        Value = value;
        Points = points;
        MaxPoints = maxPoints;
    }
}

internal sealed class LeadScoringRuleConfiguration : IEntityTypeConfiguration<LeadScoringRule>
{
    public void Configure(EntityTypeBuilder<LeadScoringRule> rule)
    {
        rule.ToTable("LeadScoringRules");
        rule.Property(r => r.Name).HasMaxLength(100);
        rule.Property(r => r.Value).HasMaxLength(100);
        rule.HasIndex(r => new { r.TenantId, r.Name });
    }
}
