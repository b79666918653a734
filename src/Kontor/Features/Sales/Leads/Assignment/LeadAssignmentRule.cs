using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Leads.Assignment;

/// <summary>The normalised values of an assignment rule.</summary>
public sealed record AssignmentRuleFields(
    string Name,
    bool IsActive,
    string? Segment,
    string? Country,
    IReadOnlyList<PostalCodeRange> PostalCodes,
    Guid? AssignToUserId,
    Guid? RoundRobinTeamId);

/// <summary>
/// One of a tenant's lead assignment rules, tried in <see cref="Position"/> order (the first that matches wins):
/// its conditions (segment, territory as country and postal-code ranges; all given ones must hold) and whom a
/// matching lead goes to: a user, or the members of a team in turn.
/// </summary>
public sealed class LeadAssignmentRule : TenantEntity
{
    private LeadAssignmentRule() { } // For EF Core.

    public LeadAssignmentRule(AssignmentRuleFields fields, int position)
    {
        Position = position;
        Apply(fields);
    }

    public string Name { get; private set; } = "";

    /// <summary>0 is tried first.</summary>
    public int Position { get; private set; }

    public bool IsActive { get; private set; } = true;

    public string? Segment { get; private set; }

    /// <summary>ISO 3166 alpha-2; the lead's address country must be this one.</summary>
    public string? Country { get; private set; }

    /// <summary>Postal-code ranges as written, e.g. <c>70000-79999, 88000-88999</c>; the lead's postal code must lie in one.</summary>
    public string? PostalCodeRanges { get; private set; }

    public Guid? AssignToUserId { get; private set; }

    public Guid? RoundRobinTeamId { get; private set; }

    /// <summary>How many leads the round robin has handed out so far; the next goes to member number counter mod members.</summary>
    public long RoundRobinCounter { get; private set; }

    public IReadOnlyList<PostalCodeRange> PostalCodes => PostalCodeRange.ParseList(PostalCodeRanges) ?? [];

    public void Apply(AssignmentRuleFields fields)
    {
        Name = fields.Name;
        IsActive = fields.IsActive;
        Segment = fields.Segment;
        Country = fields.Country;
        PostalCodeRanges = fields.PostalCodes.Count == 0 ? null : string.Join(", ", fields.PostalCodes);
        AssignToUserId = fields.AssignToUserId;
        RoundRobinTeamId = fields.RoundRobinTeamId;
    }

    internal void MoveTo(int position) => Position = position;

    /// <summary>True when every condition the rule has holds for the lead (a rule without conditions matches every lead).</summary>
    public bool Matches(string? segment, string? country, string? postalCode)
    {
        if (Segment is not null && !string.Equals(Segment, segment, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Country is not null && !string.Equals(Country, country, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var ranges = PostalCodes;
        return ranges.Count == 0 || (postalCode is not null && ranges.Any(r => r.Contains(postalCode)));
    }
}

/// <summary>An inclusive range of postal codes; codes compare as text of equal length after removing spaces, so 01000–09999 works.</summary>
public sealed record PostalCodeRange(string From, string To)
{
    public bool Contains(string postalCode)
    {
        var code = postalCode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return code.Length == From.Length
            && string.CompareOrdinal(code, From) >= 0
            && string.CompareOrdinal(code, To) <= 0;
    }

    public override string ToString() => From == To ? From : $"{From}-{To}";

    /// <summary>Parses <c>70000-79999, 80331</c>; null when a part is malformed.</summary>
    public static IReadOnlyList<PostalCodeRange>? ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var ranges = new List<PostalCodeRange>();
        foreach (var part in text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            var from = bounds[0].Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var to = bounds.Length == 2 ? bounds[1].Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() : from;
            if (bounds.Length > 2 || from.Length == 0 || from.Length != to.Length || string.CompareOrdinal(from, to) > 0
                || !from.All(char.IsAsciiLetterOrDigit) || !to.All(char.IsAsciiLetterOrDigit))
            {
                return null;
            }

            ranges.Add(new PostalCodeRange(from, to));
        }

        return ranges;
    }
}

internal sealed class LeadAssignmentRuleConfiguration : IEntityTypeConfiguration<LeadAssignmentRule>
{
    public void Configure(EntityTypeBuilder<LeadAssignmentRule> rule)
    {
        rule.ToTable("LeadAssignmentRules");
        rule.Property(r => r.Name).HasMaxLength(100);
        rule.Property(r => r.Segment).HasMaxLength(100);
        rule.Property(r => r.Country).HasMaxLength(2);
        rule.Property(r => r.PostalCodeRanges).HasMaxLength(500);
        rule.Ignore(r => r.PostalCodes);
        rule.HasOne<Platform.Identity.KontorUser>().WithMany().HasForeignKey(r => r.AssignToUserId).OnDelete(DeleteBehavior.Restrict);
        rule.HasOne<Platform.Identity.Team>().WithMany().HasForeignKey(r => r.RoundRobinTeamId).OnDelete(DeleteBehavior.Cascade);
        rule.HasIndex(r => new { r.TenantId, r.Position });
    }
}
