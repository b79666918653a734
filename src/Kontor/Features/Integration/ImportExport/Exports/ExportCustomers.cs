using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Platform.Audit;
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
        KontorDb db, CurrentUser user, AuditTrail audit, IStringLocalizer<ExportText> accountTexts, TimeProvider clock, CancellationToken ct)
    {
        var (parsedFormat, parsedDelimiter) = ExportFile.Parse(format, delimiter);
        var rows = ListAccounts.AllInOrder(request, db, user);
        await audit.AppendAsync(db, AuditAction.Export, Account.SecuredObject.Key, new { format = parsedFormat.ToString() }, ct);
        return ExportFile.Stream("accounts", parsedFormat, parsedDelimiter, new CustomerExportColumns(accountTexts, user).Accounts, rows.AsAsyncEnumerable(), clock.GetUtcNow(), ct);
    }

    private static async Task<IResult> ExportContactsAsync(
        [AsParameters] ListContactsRequest request, string? format, string? delimiter,
        KontorDb db, CurrentUser user, AuditTrail audit, IStringLocalizer<ExportText> contactTexts, TimeProvider clock, CancellationToken ct)
    {
        var (parsedFormat, parsedDelimiter) = ExportFile.Parse(format, delimiter);
        var rows = ListContacts.AllInOrder(request, db, user);
        await audit.AppendAsync(db, AuditAction.Export, Contact.SecuredObject.Key, new { format = parsedFormat.ToString() }, ct);
        return ExportFile.Stream("contacts", parsedFormat, parsedDelimiter, new CustomerExportColumns(contactTexts, user).Contacts, rows.AsAsyncEnumerable(), clock.GetUtcNow(), ct);
    }
}
