using System.Globalization;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Exports;

/// <summary>The columns of the accounts and contacts exports: the list's fields with addresses and reference names, headers in the user's language.</summary>
internal sealed class CustomerExportColumns(IStringLocalizer<ExportText> l, CurrentUser user)
{
    public IReadOnlyList<ExportColumn<AccountResponse>> Accounts =>
    [
        new(l["Id"], a => a.Id.ToString()),
        new(l["External id"], a => a.ExternalId),
        new(l["Name"], a => a.Name),
        new(l["Industry"], a => a.Industry),
        new(l["Segment"], a => a.Segment),
        new(l["VAT ID"], a => a.VatId),
        new(l["Website"], a => a.Website),
        new(l["Phone"], a => a.Phone),
        new(l["E-mail"], a => a.Email),
        .. AddressColumns(l["Billing street"], l["Billing postal code"], l["Billing city"], l["Billing region"], l["Billing country"], (AccountResponse a) => a.BillingAddress),
        .. AddressColumns(l["Shipping street"], l["Shipping postal code"], l["Shipping city"], l["Shipping region"], l["Shipping country"], (AccountResponse a) => a.ShippingAddress),
        new(l["Parent account"], a => a.ParentAccountName),
        new(l["Owner"], a => a.OwnerName),
        new(l["Inside-sales team"], a => a.InsideSalesTeamName),
        new(l["Description"], a => a.Description),
        new(l["Created"], a => Time(a.CreatedAt)),
        new(l["Changed"], a => Time(a.UpdatedAt)),
    ];

    public IReadOnlyList<ExportColumn<ContactResponse>> Contacts =>
    [
        new(l["Id"], c => c.Id.ToString()),
        new(l["External id"], c => c.ExternalId),
        new(l["Salutation"], c => c.Salutation == Salutation.None ? null : c.Salutation.ToString()),
        new(l["Title"], c => c.Title),
        new(l["First name"], c => c.FirstName),
        new(l["Last name"], c => c.LastName),
        new(l["Job title"], c => c.JobTitle),
        new(l["E-mail"], c => c.Email),
        new(l["Phone"], c => c.Phone),
        new(l["Mobile phone"], c => c.MobilePhone),
        new(l["Preferred language"], c => c.PreferredLanguage),
        new(l["Account"], c => c.AccountName),
        new(l["Owner"], c => c.OwnerName),
        new(l["Description"], c => c.Description),
        new(l["Created"], c => Time(c.CreatedAt)),
        new(l["Changed"], c => Time(c.UpdatedAt)),
    ];

    private static IEnumerable<ExportColumn<T>> AddressColumns<T>(string street, string postalCode, string city, string region, string country, Func<T, PostalAddress> address) =>
    [
        new(street, r => address(r).Street),
        new(postalCode, r => address(r).PostalCode),
        new(city, r => address(r).City),
        new(region, r => address(r).Region),
        new(country, r => address(r).Country),
    ];

    /// <summary>Local time of the exporting user, sortable and read by Excel as a date in every locale.</summary>
    private string Time(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, user.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
