using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Search;

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
public sealed class Account : RecordEntity, IAccessControlled
{
    private Account() { } // For EF Core.

    public Account(AccountFields fields) => Apply(fields);

    public static string? SharedWithTeamProperty => nameof(InsideSalesTeamId);

    public static SecuredObject SecuredObject => CustomerObjects.Accounts;

    public string Name { get; private set; } = "";
    public string? Industry { get; private set; }
    public string? Segment { get; private set; }
    public string? VatId { get; private set; }
    public string? Website { get; private set; }

    /// <summary>E.164.</summary>
    public string? Phone { get; private set; }

    public string? Email { get; private set; }
    public PostalAddress BillingAddress { get; private set; } = PostalAddress.Empty;
    public PostalAddress ShippingAddress { get; private set; } = PostalAddress.Empty;

    /// <summary>The parent company in a group of companies.</summary>
    public Guid? ParentAccountId { get; private set; }

    /// <summary>The field-sales rep responsible for the account.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The inside-sales team responsible for the account; its members see and edit it.</summary>
    public Guid? InsideSalesTeamId { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The account's key in another system (the old CRM, the ERP); unique per tenant, used to upsert imports.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>Folded name for case- and umlaut-insensitive sorting and keyset paging.</summary>
    public string SortName { get; private set; } = "";

    /// <summary>Folded name, e-mail, phone digits, cities and VAT id for substring search.</summary>
    public string SearchTerms { get; private set; } = "";

    Guid? IAccessControlled.SharedWithTeamId => InsideSalesTeamId;

    public void Apply(AccountFields fields)
    {
        Name = fields.Name;
        Industry = fields.Industry;
        Segment = fields.Segment;
        VatId = fields.VatId;
        Website = fields.Website;
        Phone = fields.Phone;
        Email = fields.Email;
        BillingAddress = fields.BillingAddress;
        ShippingAddress = fields.ShippingAddress;
        ParentAccountId = fields.ParentAccountId;
        OwnerId = fields.OwnerId;
        InsideSalesTeamId = fields.InsideSalesTeamId;
        Description = fields.Description;
        ExternalId = fields.ExternalId;
        SortName = SearchText.SortKey(Name);
        SearchTerms = SearchText.Combine(Name, Email, SearchText.PhoneDigits(Phone), BillingAddress.City, ShippingAddress.City, VatId);
    }
}
