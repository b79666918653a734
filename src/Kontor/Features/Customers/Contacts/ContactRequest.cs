using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Contacts;

/// <summary>
/// A contact as clients send it: the body of <c>POST /api/contacts</c>, the result of applying a
/// <c>PATCH</c> to the stored contact, and the model of the contact form.
/// </summary>
public sealed class ContactRequest
{
    public Salutation Salutation { get; set; }

    /// <summary>Academic title written before the name, e.g. "Dr." or "Prof. Dr.".</summary>
    [MaxChars(40)]
    public string? Title { get; set; }

    [MaxChars(100)]
    public string? FirstName { get; set; }

    [Mandatory, MaxChars(100)]
    public string LastName { get; set; } = "";

    [MaxChars(150)]
    public string? JobTitle { get; set; }

    [MaxChars(254), Email]
    public string? Email { get; set; }

    [MaxChars(40), PhoneNumber]
    public string? Phone { get; set; }

    [MaxChars(40), PhoneNumber]
    public string? MobilePhone { get; set; }

    /// <summary>ISO 639-1 code of the language to write to the contact in, e.g. de.</summary>
    [LanguageCode]
    public string? PreferredLanguage { get; set; }

    /// <summary>The account the contact works at; must be an account the user can see.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>The owner; the current user when left out on create; cannot be cleared.</summary>
    public Guid? OwnerId { get; set; }

    [MaxChars(4000)]
    public string? Description { get; set; }

    /// <summary>The contact's key in another system; unique per tenant. Imports update the contact with the same external id.</summary>
    [MaxChars(100)]
    public string? ExternalId { get; set; }

    public static ContactRequest From(Contact contact) => new()
    {
        Salutation = contact.Salutation,
        Title = contact.Title,
        FirstName = contact.FirstName,
        LastName = contact.LastName,
        JobTitle = contact.JobTitle,
        Email = contact.Email,
        Phone = contact.Phone,
        MobilePhone = contact.MobilePhone,
        PreferredLanguage = contact.PreferredLanguage,
        AccountId = contact.AccountId,
        OwnerId = contact.OwnerId,
        Description = contact.Description,
        ExternalId = contact.ExternalId,
    };

    /// <summary>
    /// Validates, checks references and normalises; throws listing every problem at once. <paramref name="stored"/>
    /// is the contact being changed, null when one is created.
    /// </summary>
    internal async Task<ContactFields> ResolveAsync(Contact? stored, KontorDb db, CurrentUser user, CancellationToken ct, KnownReferences? known = null)
    {
        var errors = new FieldErrors(RequestValidator.Validate(this));
        await References.AccountAsync(db, AccountId, stored?.AccountId, errors, "accountId", ct, known);

        // Numbers without country code are read as numbers of the account's country.
        var country = AccountId is not { } accountId ? null
            : known is not null && known.VisibleAccounts.TryGetValue(accountId, out var knownCountry) ? knownCountry
            : await db.Accounts.Where(a => a.Id == accountId).Select(a => a.BillingAddress.Country).FirstOrDefaultAsync(ct);
        var phone = errors.Phone("phone", Phone, country ?? user.DefaultCountry);
        var mobile = errors.Phone("mobilePhone", MobilePhone, country ?? user.DefaultCountry);
        var owner = await References.OwnerAsync(db, user, OwnerId, stored?.OwnerId, errors, "ownerId", ct);
        var externalId = Normalize.Text(ExternalId);
        if (externalId is not null && externalId != stored?.ExternalId && known?.FreeExternalIds.Contains(externalId) != true
            && await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess]).AnyAsync(c => c.ExternalId == externalId, ct))
        {
            errors.Add("externalId", ValidationMessages.ExternalIdTaken);
        }

        errors.ThrowIfAny();
        return new ContactFields(
            Salutation,
            Normalize.Text(Title),
            Normalize.Text(FirstName),
            LastName.Trim(),
            Normalize.Text(JobTitle),
            Normalize.Email(Email),
            phone,
            mobile,
            Normalize.Text(PreferredLanguage)?.ToLowerInvariant(),
            AccountId,
            owner,
            Normalize.Text(Description),
            externalId);
    }
}
