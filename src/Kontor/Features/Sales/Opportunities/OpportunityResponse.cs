using System.Text.Json.Serialization;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>One stay of an opportunity in a stage; <c>duration</c> runs to now while it is still there.</summary>
public sealed record StageStayResponse(Guid StageId, string StageName, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, Guid? EnteredBy, string? EnteredByName, TimeSpan Duration);

/// <summary>A contact taking part in the deal, with the role they play.</summary>
public sealed record OpportunityContactResponse(Guid ContactId, string Name, string? JobTitle, string? Email, ContactRole Role);

/// <summary>An opportunity as the API returns it and the pages show it; stage history and contacts only on the single record.</summary>
public sealed record OpportunityResponse(
    Guid Id,
    string Name,
    Guid AccountId,
    string? AccountName,
    Guid OwnerId,
    string? OwnerName,
    Guid? InsideSalesTeamId,
    string? InsideSalesTeamName,
    Guid PipelineId,
    string? PipelineName,
    Guid StageId,
    string StageName,
    long? Amount,
    string Currency,
    DateOnly? CloseDate,
    int Probability,
    ForecastCategory ForecastCategory,
    StageOutcome Outcome,
    DateTimeOffset? ClosedAt,
    string? NextStep,
    string? LeadSource,
    string? Competitors,
    string? LossReason,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    [property: JsonIgnore] uint Version) : IHasETag
{
    /// <summary>The version to send in <c>If-Match</c> when changing the opportunity.</summary>
    public string ETag => ETags.For(Version);

    /// <summary>The stages the opportunity has been in, oldest first (single record only).</summary>
    public IReadOnlyList<StageStayResponse>? StageHistory { get; init; }

    /// <summary>The contacts in the deal the caller can see (single record only).</summary>
    public IReadOnlyList<OpportunityContactResponse>? Contacts { get; init; }

    /// <summary>The product lines of the deal (single record only); while there are any, <see cref="Amount"/> is their net total.</summary>
    public IReadOnlyList<OpportunityProductResponse>? Products { get; init; }

    /// <summary>Projects opportunities with the names of account, owner, team and pipeline in one query; invisible accounts show no name.</summary>
    public static IQueryable<OpportunityResponse> Project(IQueryable<Opportunity> opportunities, KontorDb db) =>
        opportunities.Select(o => new OpportunityResponse(
            o.Id,
            o.Name,
            o.AccountId,
            db.Accounts.Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault(),
            o.OwnerId,
            db.Users.Where(u => u.Id == o.OwnerId).Select(UserNames.DisplayName).FirstOrDefault(),
            o.InsideSalesTeamId,
            db.Teams.Where(t => t.Id == o.InsideSalesTeamId).Select(t => t.Name).FirstOrDefault(),
            o.PipelineId,
            db.Pipelines.Where(p => p.Id == o.PipelineId).Select(p => p.Name).FirstOrDefault(),
            o.StageId,
            o.StageName,
            o.Amount,
            o.Currency,
            o.CloseDate,
            o.Probability,
            o.ForecastCategory,
            o.Outcome,
            o.ClosedAt,
            o.NextStep,
            o.LeadSource,
            o.Competitors,
            o.LossReason,
            o.Description,
            o.CreatedAt,
            o.UpdatedAt,
            o.DeletedAt,
            o.Version));

    /// <summary>An opportunity without the names of its references, for a record the caller cannot read back.</summary>
    public static OpportunityResponse Describe(Opportunity o) => new(
        o.Id, o.Name, o.AccountId, null, o.OwnerId, null, o.InsideSalesTeamId, null, o.PipelineId, null, o.StageId, o.StageName,
        o.Amount, o.Currency, o.CloseDate, o.Probability, o.ForecastCategory, o.Outcome, o.ClosedAt, o.NextStep, o.LeadSource,
        o.Competitors, o.LossReason, o.Description, o.CreatedAt, o.UpdatedAt, o.DeletedAt, o.Version);
}
