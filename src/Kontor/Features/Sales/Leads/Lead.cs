using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Search;
using Kontor.Resources;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Features.Sales.Leads;

/// <summary>Where a lead stands on its way to a customer.</summary>
public enum LeadStatus
{
    New,
    Working,
    Qualified,
    Disqualified,
    Converted,
}

/// <summary>How promising a lead looks to the person working it.</summary>
public enum LeadRating
{
    Cold,
    Warm,
    Hot,
}

/// <summary>The normalised values of a lead, produced by a slice after validation.</summary>
public sealed record LeadFields(
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
    Guid? TeamId,
    string? Description,
    string? ExternalId = null);

/// <summary>One line of a lead's score: which scoring rule gave how many points.</summary>
public sealed record LeadScoreLine(string Rule, int Points);

/// <summary>
/// A person (and their company) who may become a customer: captured by hand, through the API, an import or the
/// public web form, worked by its owner (or waiting in the queue while it has none) and finally converted into
/// an account, a contact and perhaps an opportunity.
/// </summary>
public sealed class Lead : RecordEntity, IAccessControlled, IGloballySearchable
{
    private Lead() { } // For EF Core.

    public Lead(LeadFields fields) => Apply(fields);

    public static string? SharedWithTeamProperty => nameof(TeamId);

    public static SecuredObject SecuredObject => SalesObjects.Leads;

    [Audited]
    public Salutation Salutation { get; private set; }
    [PersonalData]
    [Audited]
    public string? FirstName { get; private set; }
    [PersonalData]
    [Audited]
    public string LastName { get; private set; } = "";
    [PersonalData]
    [Audited]
    public string? Company { get; private set; }

    /// <summary>The person's job title.</summary>
    [PersonalData]
    [Audited]
    public string? Title { get; private set; }
    [PersonalData]
    [Audited]
    public string? Email { get; private set; }

    /// <summary>E.164.</summary>
    [PersonalData]
    [Audited]
    public string? Phone { get; private set; }
    [PersonalData]
    [Audited]
    public PostalAddress Address { get; private set; } = PostalAddress.Empty;
    [Audited]
    public string? Source { get; private set; }
    [Audited]
    public string? Campaign { get; private set; }
    [Audited]
    public string? Segment { get; private set; }
    [Audited]
    public LeadStatus Status { get; private set; }
    [PersonalData]
    [Audited]
    public string? DisqualificationReason { get; private set; }
    [Audited]
    public LeadRating? Rating { get; private set; }

    /// <summary>The person working the lead; null while the lead waits in the queue.</summary>
    [Audited]
    public Guid? OwnerId { get; private set; }

    /// <summary>The sales team whose members see the lead (and whose queue it waits in while it has no owner).</summary>
    [Audited]
    public Guid? TeamId { get; private set; }

    [PersonalData]
    [Audited]
    public string? Description { get; private set; }

    /// <summary>The lead's key in another system (an old CRM, a trade-fair list); unique per tenant, used to upsert imports.</summary>
    [PersonalData]
    public string? ExternalId { get; private set; }

    /// <summary>The consent text the person agreed to on the web form, word for word; null for leads entered otherwise.</summary>
    [PersonalData]
    public string? ConsentText { get; private set; }

    public DateTimeOffset? ConsentedAt { get; private set; }

    /// <summary>The sum of the points of the tenant's scoring rules that match.</summary>
    public int Score { get; private set; }

    /// <summary>Which rules gave the points of <see cref="Score"/>.</summary>
    public IReadOnlyList<LeadScoreLine> ScoreExplanation { get; private set; } = [];

    public Guid? ConvertedAccountId { get; private set; }
    public Guid? ConvertedContactId { get; private set; }
    public Guid? ConvertedOpportunityId { get; private set; }
    public DateTimeOffset? ConvertedAt { get; private set; }

    /// <summary>Folded "last name first name company" for sorting and keyset paging.</summary>
    [PersonalData]
    public string SortName { get; private set; } = "";

    /// <summary>Folded name, company, e-mail, phone digits and city for substring search.</summary>
    [PersonalData]
    public string SearchTerms { get; private set; } = "";

    Guid IAccessControlled.OwnerId => OwnerId ?? Guid.Empty;

    Guid? IAccessControlled.SharedWithTeamId => TeamId;

    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));

    public bool InQueue => OwnerId is null;

    public void Apply(LeadFields fields)
    {
        if (Status == LeadStatus.Converted)
        {
            throw new BusinessRuleException(LeadsText.Message("This lead was converted and can no longer be changed."));
        }

        if (fields.Status == LeadStatus.Converted)
        {
            throw new BusinessRuleException(LeadsText.Message("A lead becomes converted only by converting it."));
        }

        Salutation = fields.Salutation;
        FirstName = fields.FirstName;
        LastName = fields.LastName;
        Company = fields.Company;
        Title = fields.Title;
        Email = fields.Email;
        Phone = fields.Phone;
        Address = fields.Address;
        Source = fields.Source;
        Campaign = fields.Campaign;
        Segment = fields.Segment;
        Status = fields.Status;
        DisqualificationReason = fields.Status == LeadStatus.Disqualified ? fields.DisqualificationReason : null;
        Rating = fields.Rating;
        OwnerId = fields.OwnerId;
        TeamId = fields.TeamId;
        Description = fields.Description;
        ExternalId = fields.ExternalId;
        SortName = SearchText.SortKey(string.Join(' ', LastName, FirstName, Company));
        SearchTerms = SearchText.Combine(FirstName, LastName, Company, Email, SearchText.PhoneDigits(Phone), Address.City);
    }

    /// <summary>Records the consent given on the web form.</summary>
    internal void RecordConsent(string consentText, DateTimeOffset at)
    {
        ConsentText = consentText;
        ConsentedAt = at;
    }

    /// <summary>Hands the lead to an owner (or back to the queue) as the assignment rules decided.</summary>
    internal void AssignTo(Guid? ownerId, Guid? teamId)
    {
        OwnerId = ownerId;
        TeamId = teamId;
    }

    internal void SetScore(int score, IReadOnlyList<LeadScoreLine> explanation)
    {
        Score = score;
        ScoreExplanation = explanation;
    }

    /// <summary>Links the lead to what it became; it cannot be changed afterwards.</summary>
    internal void MarkConverted(Guid accountId, Guid contactId, Guid? opportunityId, DateTimeOffset now)
    {
        ConvertedAccountId = accountId;
        ConvertedContactId = contactId;
        ConvertedOpportunityId = opportunityId;
        ConvertedAt = now;
        Status = LeadStatus.Converted;
        DisqualificationReason = null;
    }
}
