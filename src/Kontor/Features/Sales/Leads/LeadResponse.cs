using System.Text.Json.Serialization;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Leads;

/// <summary>A lead as the API returns it and the pages show it.</summary>
public sealed record LeadResponse(
    Guid Id,
    Salutation Salutation,
    string? FirstName,
    string LastName,
    string? Company,
    string? Title,
    string? Email,
    string? Phone,
    PostalAddress Address,
    string? Source,
    string? Campaign,
    string? Segment,
    LeadStatus Status,
    string? DisqualificationReason,
    LeadRating? Rating,
    Guid? OwnerId,
    string? OwnerName,
    Guid? TeamId,
    string? TeamName,
    string? Description,
    string? ExternalId,
    string? ConsentText,
    DateTimeOffset? ConsentedAt,
    int Score,
    IReadOnlyList<LeadScoreLine> ScoreExplanation,
    Guid? ConvertedAccountId,
    Guid? ConvertedContactId,
    Guid? ConvertedOpportunityId,
    DateTimeOffset? ConvertedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt,
    [property: JsonIgnore] uint Version) : IHasETag
{
    /// <summary>The version to send in <c>If-Match</c> when changing the lead.</summary>
    public string ETag => ETags.For(Version);

    /// <summary>First and last name.</summary>
    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>True while the lead has no owner and waits in the queue.</summary>
    public bool InQueue => OwnerId is null;

    /// <summary>Projects leads with the names of their owner and team in one query.</summary>
    public static IQueryable<LeadResponse> Project(IQueryable<Lead> leads, KontorDb db) =>
        leads.Select(l => new LeadResponse(
            l.Id,
            l.Salutation,
            l.FirstName,
            l.LastName,
            l.Company,
            l.Title,
            l.Email,
            l.Phone,
            l.Address,
            l.Source,
            l.Campaign,
            l.Segment,
            l.Status,
            l.DisqualificationReason,
            l.Rating,
            l.OwnerId,
            db.Users.Where(u => u.Id == l.OwnerId).Select(UserNames.DisplayName).FirstOrDefault(),
            l.TeamId,
            db.Teams.Where(t => t.Id == l.TeamId).Select(t => t.Name).FirstOrDefault(),
            l.Description,
            l.ExternalId,
            l.ConsentText,
            l.ConsentedAt,
            l.Score,
            l.ScoreExplanation,
            l.ConvertedAccountId,
            l.ConvertedContactId,
            l.ConvertedOpportunityId,
            l.ConvertedAt,
            l.CreatedAt,
            l.UpdatedAt,
            l.DeletedAt,
            l.Version));

    /// <summary>A lead without the names of its references, for a record the caller cannot read back.</summary>
    public static LeadResponse Describe(Lead l) => new(
        l.Id, l.Salutation, l.FirstName, l.LastName, l.Company, l.Title, l.Email, l.Phone, l.Address, l.Source, l.Campaign, l.Segment,
        l.Status, l.DisqualificationReason, l.Rating, l.OwnerId, null, l.TeamId, null, l.Description, l.ExternalId, l.ConsentText, l.ConsentedAt,
        l.Score, l.ScoreExplanation, l.ConvertedAccountId, l.ConvertedContactId, l.ConvertedOpportunityId, l.ConvertedAt,
        l.CreatedAt, l.UpdatedAt, l.DeletedAt, l.Version);
}
