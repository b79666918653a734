using System.Globalization;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Exports;

/// <summary>
/// Exports the accounts and contacts lists as they are shown (same filters, search, sort order and access rules) to CSV
/// or XLSX. The API routes take a bearer or personal access token; the same exports under <c>/accounts/export</c> and
/// <c>/contacts/export</c> take the web UI's cookie, so the list pages can offer them as plain downloads.
/// </summary>
internal static class ExportCustomers
{
    private const string Description =
        "Streams every row the list shows for the same query parameters (search, filters, sort; cursor and limit are ignored) and the caller's access rules. " +
        "format=csv (default) or xlsx; delimiter=comma (default) or semicolon for Excel with German settings. CSV is UTF-8 with BOM. " +
        "Cells starting with =, +, -, @, tab or carriage return get a leading apostrophe so spreadsheet programs do not run them as formulas.";

    public static IEndpointRouteBuilder MapCustomerExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/accounts/export", ExportAccountsAsync)
            .WithTags("Accounts")
            .RequireAuthorization(KontorAuth.ApiPolicy)
            .WithName("ExportAccounts")
            .WithSummary("Export the accounts list to CSV or XLSX")
            .WithDescription(Description)
            .Produces(StatusCodes.Status200OK, contentType: ExportFile.CsvContentType, additionalContentTypes: ExportFile.XlsxContentType)
            .ProducesValidationProblem();
        app.MapGet("/api/contacts/export", ExportContactsAsync)
            .WithTags("Contacts")
            .RequireAuthorization(KontorAuth.ApiPolicy)
            .WithName("ExportContacts")
            .WithSummary("Export the contacts list to CSV or XLSX")
            .WithDescription(Description)
            .Produces(StatusCodes.Status200OK, contentType: ExportFile.CsvContentType, additionalContentTypes: ExportFile.XlsxContentType)
            .ProducesValidationProblem();
        app.MapGet("/accounts/export", ExportAccountsAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/contacts/export", ExportContactsAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAccountsAsync(
        [AsParameters] ListAccountsRequest request, string? format, string? delimiter,
        KontorDb db, CurrentUser user, IStringLocalizer<ExportText> l, TimeProvider clock, CancellationToken ct)
    {
        var (parsedFormat, parsedDelimiter) = ExportFile.Parse(format, delimiter);
        var rows = ListAccounts.AllInOrder(request, db, user);
        await ExportAudit.RecordExportAsync(db, Account.SecuredObject.Key, ct);
        return ExportFile.Stream("accounts", parsedFormat, parsedDelimiter, AccountColumns(l, user), rows.AsAsyncEnumerable(), clock.GetUtcNow(), ct);
    }

    private static async Task<IResult> ExportContactsAsync(
        [AsParameters] ListContactsRequest request, string? format, string? delimiter,
        KontorDb db, CurrentUser user, IStringLocalizer<ExportText> l, TimeProvider clock, CancellationToken ct)
    {
        var (parsedFormat, parsedDelimiter) = ExportFile.Parse(format, delimiter);
        var rows = ListContacts.AllInOrder(request, db, user);
        await ExportAudit.RecordExportAsync(db, Contact.SecuredObject.Key, ct);
        return ExportFile.Stream("contacts", parsedFormat, parsedDelimiter, ContactColumns(l, user), rows.AsAsyncEnumerable(), clock.GetUtcNow(), ct);
    }

    internal static IReadOnlyList<ExportColumn<AccountResponse>> AccountColumns(IStringLocalizer<ExportText> l, CurrentUser user) =>
    [
        new(l["Id"], a => a.Id.ToString()),
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
        new(l["Created"], a => Time(a.CreatedAt, user)),
        new(l["Changed"], a => Time(a.UpdatedAt, user)),
    ];

    internal static IReadOnlyList<ExportColumn<ContactResponse>> ContactColumns(IStringLocalizer<ExportText> l, CurrentUser user) =>
    [
        new(l["Id"], c => c.Id.ToString()),
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
        new(l["Created"], c => Time(c.CreatedAt, user)),
        new(l["Changed"], c => Time(c.UpdatedAt, user)),
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
    private static string Time(DateTimeOffset value, CurrentUser user) =>
        TimeZoneInfo.ConvertTime(value, user.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Where an export is written to the audit trail.</summary>
internal static class ExportAudit
{
    /// <summary>
    /// The one place an export records itself in the audit trail before the first row is sent: the audit log entry
    /// (object exported, actor) is written here once the audit trail service exists.
    /// </summary>
    public static Task RecordExportAsync(KontorDb db, string objectKey, CancellationToken ct) => Task.CompletedTask;
}
