using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;

namespace Kontor.Features.Sales.Leads.Assignment;

/// <summary>An assignment rule as administrators send it; also the model of the rule dialog.</summary>
public sealed class AssignmentRuleRequest
{
    [Mandatory, MaxChars(100)]
    public string Name { get; set; } = "";

    public bool IsActive { get; set; } = true;

    /// <summary>Condition: the lead's segment (case ignored).</summary>
    [MaxChars(100)]
    public string? Segment { get; set; }

    /// <summary>Condition: the lead's address country, ISO 3166 alpha-2.</summary>
    [CountryCode]
    public string? Country { get; set; }

    /// <summary>Condition: postal-code ranges, e.g. <c>70000-79999, 88000-88999</c>; bounds of equal length.</summary>
    [MaxChars(500)]
    public string? PostalCodeRanges { get; set; }

    /// <summary>Matching leads go to this user; give this or <see cref="RoundRobinTeamId"/>.</summary>
    public Guid? AssignToUserId { get; set; }

    /// <summary>Matching leads go to the active members of this team in turn.</summary>
    public Guid? RoundRobinTeamId { get; set; }

    public static AssignmentRuleRequest From(LeadAssignmentRule rule) => new()
    {
        Name = rule.Name,
        IsActive = rule.IsActive,
        Segment = rule.Segment,
        Country = rule.Country,
        PostalCodeRanges = rule.PostalCodeRanges,
        AssignToUserId = rule.AssignToUserId,
        RoundRobinTeamId = rule.RoundRobinTeamId,
    };

    internal async Task<AssignmentRuleFields> ResolveAsync(LeadAssignmentRule? stored, KontorDb db, CancellationToken ct)
    {
        var errors = new FieldErrors(RequestValidator.Validate(this));
        var ranges = PostalCodeRange.ParseList(PostalCodeRanges);
        if (ranges is null)
        {
            errors.Add("postalCodeRanges", LeadsText.Message("Write ranges like 70000-79999, separated by commas; both ends need the same number of characters."));
        }

        if ((AssignToUserId is null) == (RoundRobinTeamId is null))
        {
            errors.Add(AssignToUserId is null ? "assignToUserId" : "roundRobinTeamId", LeadsText.Message("Choose either a user or a team for round robin."));
        }

        await LeadReferences.OwnerAsync(db, AssignToUserId, stored?.AssignToUserId, errors, "assignToUserId", ct);
        await References.TeamAsync(db, RoundRobinTeamId, stored?.RoundRobinTeamId, errors, "roundRobinTeamId", ct);
        errors.ThrowIfAny();
        return new AssignmentRuleFields(Name.Trim(), IsActive, Normalize.Text(Segment), Normalize.Upper(Country), ranges!, AssignToUserId, RoundRobinTeamId);
    }
}

/// <summary>An assignment rule as the API returns it.</summary>
public sealed record AssignmentRuleResponse(
    Guid Id,
    string Name,
    int Position,
    bool IsActive,
    string? Segment,
    string? Country,
    string? PostalCodeRanges,
    Guid? AssignToUserId,
    string? AssignToUserName,
    Guid? RoundRobinTeamId,
    string? RoundRobinTeamName)
{
    public static IQueryable<AssignmentRuleResponse> Project(IQueryable<LeadAssignmentRule> rules, KontorDb db) =>
        rules.OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => new AssignmentRuleResponse(
            r.Id,
            r.Name,
            r.Position,
            r.IsActive,
            r.Segment,
            r.Country,
            r.PostalCodeRanges,
            r.AssignToUserId,
            db.Users.Where(u => u.Id == r.AssignToUserId).Select(UserNames.DisplayName).FirstOrDefault(),
            r.RoundRobinTeamId,
            db.Teams.Where(t => t.Id == r.RoundRobinTeamId).Select(t => t.Name).FirstOrDefault()));
}

/// <summary>Body of <c>PUT /api/lead-assignment-rules/order</c>: every rule id, first tried first.</summary>
public sealed record ReorderAssignmentRulesRequest(IReadOnlyList<Guid> Ids);
