using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Customers;

/// <summary>Accounts as targets of activities and history; an account's timeline includes its contacts.</summary>
internal sealed class AccountTarget(IStringLocalizer<CustomersText> l) : IRecordTarget
{
    public string Type => CustomerObjects.Accounts.Key;

    public IQueryable<Guid> VisibleIds(KontorDb db) => db.Accounts.Select(a => a.Id);

    public async Task<TargetAccess> AccessAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return account is null ? TargetAccess.Invisible
            : access.CanChange(account, ObjectPermissions.Edit) ? TargetAccess.Changeable
            : TargetAccess.ReadOnly;
    }

    public Task<Dictionary<Guid, RecordLabel>> LabelsAsync(KontorDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Email })
            .ToDictionaryAsync(a => a.Id, a => new RecordLabel(a.Name, a.Email), ct);

    public IReadOnlyList<RecordChildren> Children(KontorDb db, Guid id) =>
        [new(CustomerObjects.Contacts.Key, db.Contacts.Where(c => c.AccountId == id).Select(c => c.Id))];

    public string FieldLabel(string field) => CustomerFieldLabels.Of(field, name => name switch
    {
        nameof(Account.Name) => l["Name"],
        nameof(Account.Industry) => l["Industry"],
        nameof(Account.Segment) => l["Segment"],
        nameof(Account.VatId) => l["VAT ID"],
        nameof(Account.Website) => l["Website"],
        nameof(Account.Phone) => l["Phone"],
        nameof(Account.Email) => l["E-mail"],
        nameof(Account.BillingAddress) => l["Billing address"],
        nameof(Account.ShippingAddress) => l["Shipping address"],
        nameof(Account.ParentAccountId) => l["Parent account"],
        nameof(Account.OwnerId) => l["Owner"],
        nameof(Account.InsideSalesTeamId) => l["Inside-sales team"],
        nameof(Account.Description) => l["Description"],
        nameof(PostalAddress.Street) => l["Street"],
        nameof(PostalAddress.PostalCode) => l["Postal code"],
        nameof(PostalAddress.City) => l["City"],
        nameof(PostalAddress.Region) => l["Region"],
        nameof(PostalAddress.Country) => l["Country"],
        _ => null,
    });
}

/// <summary>Contacts as targets of activities, history and meeting invitations.</summary>
internal sealed class ContactTarget(IStringLocalizer<CustomersText> l) : IRecordTarget
{
    public string Type => CustomerObjects.Contacts.Key;

    public IQueryable<Guid> VisibleIds(KontorDb db) => db.Contacts.Select(c => c.Id);

    public async Task<TargetAccess> AccessAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return contact is null ? TargetAccess.Invisible
            : access.CanChange(contact, ObjectPermissions.Edit) ? TargetAccess.Changeable
            : TargetAccess.ReadOnly;
    }

    public async Task<Dictionary<Guid, RecordLabel>> LabelsAsync(KontorDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.FirstName, c.LastName, c.Email })
            .ToListAsync(ct))
        .ToDictionary(
            c => c.Id,
            c => new RecordLabel(string.Join(' ', new[] { c.Title, c.FirstName, c.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))), c.Email));

    public IReadOnlyList<RecordChildren> Children(KontorDb db, Guid id) => [];

    public string FieldLabel(string field) => CustomerFieldLabels.Of(field, name => name switch
    {
        nameof(Contact.Salutation) => l["Salutation"],
        nameof(Contact.Title) => l["Title"],
        nameof(Contact.FirstName) => l["First name"],
        nameof(Contact.LastName) => l["Last name"],
        nameof(Contact.JobTitle) => l["Job title"],
        nameof(Contact.Email) => l["E-mail"],
        nameof(Contact.Phone) => l["Phone"],
        nameof(Contact.MobilePhone) => l["Mobile"],
        nameof(Contact.PreferredLanguage) => l["Preferred language"],
        nameof(Contact.AccountId) => l["Account"],
        nameof(Contact.OwnerId) => l["Owner"],
        nameof(Contact.Description) => l["Description"],
        _ => null,
    });
}

/// <summary>Joins the labels of a field path's parts (<c>BillingAddress.City</c>); a part without label keeps its name.</summary>
internal static class CustomerFieldLabels
{
    public static string Of(string field, Func<string, LocalizedString?> label) =>
        string.Join(" · ", field.Split('.').Select(part => label(part)?.Value ?? part));
}
