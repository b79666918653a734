using Kontor.Features.Customers.Duplicates;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;

namespace Kontor.Features.Customers.Accounts;

/// <summary>The normalised values of an account, produced by a slice after validation.</summary>
public sealed record AccountFields(
    string Name,
    string? Industry,
    string? Segment,
    string? VatId,
    string? Website,
    string? Phone,
    string? Email,
    PostalAddress BillingAddress,
    PostalAddress ShippingAddress,
    Guid? ParentAccountId,
    Guid OwnerId,
    Guid? InsideSalesTeamId,
    string? Description,
    string? ExternalId = null);

/// <summary>A customer company (or a company of a group), owned by a field-sales rep and looked after by an inside-sales team.</summary>
public sealed class Account : RecordEntity, IAccessControlled, IGloballySearchable
{
    private Account() { } // For EF Core.

    public Account(AccountFields fields) => Apply(fields);

    public static string? SharedWithTeamProperty => nameof(InsideSalesTeamId);

    public static SecuredObject SecuredObject => CustomerObjects.Accounts;

    [Audited]
    public string Name { get; private set; } = "";
    [Audited]
    public string? Industry { get; private set; }
    [Audited]
    public string? Segment { get; private set; }
    [Audited]
    public string? VatId { get; private set; }
    [Audited]
    public string? Website { get; private set; }

    /// <summary>E.164.</summary>
    [Audited]
    public string? Phone { get; private set; }

    [Audited]
    public string? Email { get; private set; }
    [Audited]
    public PostalAddress BillingAddress { get; private set; } = PostalAddress.Empty;
    [Audited]
    public PostalAddress ShippingAddress { get; private set; } = PostalAddress.Empty;

    /// <summary>The parent company in a group of companies.</summary>
    [Audited]
    public Guid? ParentAccountId { get; private set; }

    /// <summary>The field-sales rep responsible for the account.</summary>
    [Audited]
    public Guid OwnerId { get; private set; }

    /// <summary>The inside-sales team responsible for the account; its members see and edit it.</summary>
    [Audited]
    public Guid? InsideSalesTeamId { get; private set; }

    [Audited]
    public string? Description { get; private set; }

    /// <summary>The account's key in another system (the old CRM, the ERP); unique per tenant, used to upsert imports.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>Folded name for case- and umlaut-insensitive sorting and keyset paging.</summary>
    public string SortName { get; private set; } = "";

    /// <summary>Folded name, e-mail, phone digits, cities and VAT id for substring search.</summary>
    public string SearchTerms { get; private set; } = "";

    /// <summary>The name's duplicate match key: folded, without punctuation, spaces and legal forms (<see cref="CompanyNames.Normalize"/>).</summary>
    public string MatchName { get; private set; } = "";

    /// <summary>The billing postal code's match key, for "same postal code and a similar name".</summary>
    public string? MatchPostalCode { get; private set; }

    /// <summary>Set when this account was merged into another one; it then waits in the recycle bin and cannot be restored.</summary>
    public Guid? MergedIntoId { get; private set; }

    Guid? IAccessControlled.SharedWithTeamId => InsideSalesTeamId;

    public void Apply(AccountFields fields)
    {
        Name = fields.Name;
        Industry = fields.Industry;
        Segment = fields.Segment;
        // VAT id and e-mail are duplicate match keys: stored in their one normal form whoever calls.
        VatId = Normalize.VatId(fields.VatId);
        Website = fields.Website;
        Phone = fields.Phone;
        Email = Normalize.Email(fields.Email);
        BillingAddress = fields.BillingAddress;
        ShippingAddress = fields.ShippingAddress;
        ParentAccountId = fields.ParentAccountId;
        OwnerId = fields.OwnerId;
        InsideSalesTeamId = fields.InsideSalesTeamId;
        Description = fields.Description;
        ExternalId = fields.ExternalId;
        SortName = SearchText.SortKey(Name);
        SearchTerms = SearchText.Combine(Name, Email, SearchText.PhoneDigits(Phone), BillingAddress.City, ShippingAddress.City, VatId);
        MatchName = CompanyNames.Normalize(Name);
        MatchPostalCode = MatchKeys.PostalCode(BillingAddress.PostalCode);
    }

    /// <summary>A merge hangs the merged account's sub-accounts under the survivor.</summary>
    internal void MoveUnder(Guid? parentAccountId) => ParentAccountId = parentAccountId;

    /// <summary>The merged account goes to the recycle bin, marked so it is never restored without its moved children.</summary>
    internal void MarkMergedInto(Guid survivorId, Guid? actor, DateTimeOffset now)
    {
        MergedIntoId = survivorId;
        MoveToRecycleBin(actor, now);
    }
}
