using Kontor.Features.Customers.Duplicates;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Features.Customers.Contacts;

/// <summary>How a contact is addressed in letters and e-mails.</summary>
public enum Salutation
{
    None,
    Mr,
    Ms,
    Mx,
}

/// <summary>The normalised values of a contact, produced by a slice after validation.</summary>
public sealed record ContactFields(
    Salutation Salutation,
    string? Title,
    string? FirstName,
    string LastName,
    string? JobTitle,
    string? Email,
    string? Phone,
    string? MobilePhone,
    string? PreferredLanguage,
    Guid? AccountId,
    Guid OwnerId,
    string? Description,
    string? ExternalId = null);

/// <summary>A person Kontor's users deal with, usually working at an account.</summary>
public sealed class Contact : RecordEntity, IAccessControlled, IGloballySearchable
{
    private Contact() { } // For EF Core.

    public Contact(ContactFields fields) => Apply(fields);

    public static string? SharedWithTeamProperty => null;

    public static SecuredObject SecuredObject => CustomerObjects.Contacts;

    [Audited]
    public Salutation Salutation { get; private set; }

    /// <summary>Academic or honorary title written before the name, e.g. "Dr.".</summary>
    [PersonalData]
    [Audited]
    public string? Title { get; private set; }

    [PersonalData]
    [Audited]
    public string? FirstName { get; private set; }
    [PersonalData]
    [Audited]
    public string LastName { get; private set; } = "";
    [PersonalData]
    [Audited]
    public string? JobTitle { get; private set; }
    [PersonalData]
    [Audited]
    public string? Email { get; private set; }

    /// <summary>E.164.</summary>
    [PersonalData]
    [Audited]
    public string? Phone { get; private set; }

    /// <summary>E.164.</summary>
    [PersonalData]
    [Audited]
    public string? MobilePhone { get; private set; }

    /// <summary>ISO 639-1, e.g. de.</summary>
    [PersonalData]
    [Audited]
    public string? PreferredLanguage { get; private set; }

    [Audited]
    public Guid? AccountId { get; private set; }
    [Audited]
    public Guid OwnerId { get; private set; }
    [PersonalData]
    [Audited]
    public string? Description { get; private set; }

    /// <summary>The contact's key in another system; unique per tenant, used to upsert imports.</summary>
    [PersonalData]
    public string? ExternalId { get; private set; }

    /// <summary>Folded "last first" for sorting and keyset paging.</summary>
    [PersonalData]
    public string SortName { get; private set; } = "";

    /// <summary>Folded names, e-mail and phone digits for substring search.</summary>
    [PersonalData]
    public string SearchTerms { get; private set; } = "";

    /// <summary>The person's duplicate match key: folded first and last name without punctuation or spaces.</summary>
    [PersonalData]
    public string? MatchName { get; private set; }

    /// <summary>Set when this contact was merged into another one; it then waits in the recycle bin and cannot be restored.</summary>
    public Guid? MergedIntoId { get; private set; }

    Guid? IAccessControlled.SharedWithTeamId => null;

    public void Apply(ContactFields fields)
    {
        Salutation = fields.Salutation;
        Title = fields.Title;
        FirstName = fields.FirstName;
        LastName = fields.LastName;
        JobTitle = fields.JobTitle;
        // The e-mail address is a duplicate match key: stored in its one normal form whoever calls.
        Email = Normalize.Email(fields.Email);
        Phone = fields.Phone;
        MobilePhone = fields.MobilePhone;
        PreferredLanguage = fields.PreferredLanguage;
        AccountId = fields.AccountId;
        OwnerId = fields.OwnerId;
        Description = fields.Description;
        ExternalId = fields.ExternalId;
        SortName = SearchText.SortKey($"{LastName} {FirstName}");
        SearchTerms = SearchText.Combine(
            $"{FirstName} {LastName}", $"{LastName} {FirstName}", Email, SearchText.PhoneDigits(Phone), SearchText.PhoneDigits(MobilePhone), JobTitle);
        MatchName = MatchKeys.PersonName(FirstName, LastName);
    }

    /// <summary>A merge of accounts moves the merged account's contacts to the survivor.</summary>
    internal void MoveToAccount(Guid accountId) => AccountId = accountId;

    /// <summary>The merged contact goes to the recycle bin, marked so it is never restored.</summary>
    internal void MarkMergedInto(Guid survivorId, Guid? actor, DateTimeOffset now)
    {
        MergedIntoId = survivorId;
        MoveToRecycleBin(actor, now);
    }
}
