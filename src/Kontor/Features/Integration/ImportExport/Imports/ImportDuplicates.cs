using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Platform.Data;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>
/// The one duplicate check of imports: a row without external id that would create a second account with the same
/// VAT id or a second contact with the same e-mail address (in the tenant, or earlier in the same batch) is refused
/// unless the import says to create duplicates anyway. Records the user cannot see count too: a duplicate is a
/// duplicate, whoever owns it; the message names no record.
/// </summary>
internal static class ImportDuplicates
{
    public static async Task<string?> AccountAsync(KontorDb db, IStringLocalizer<ImportExportText> text, AccountFields fields, HashSet<string> batch, CancellationToken ct) =>
        fields.VatId is { } vatId
        && (batch.Contains(vatId) || await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecordAccess]).AnyAsync(a => a.VatId == vatId, ct))
            ? text["An account with this VAT id exists already; give the row an external id to update it, or import with \"create duplicates\"."].Value
            : null;

    public static async Task<string?> ContactAsync(KontorDb db, IStringLocalizer<ImportExportText> text, ContactFields fields, HashSet<string> batch, CancellationToken ct) =>
        fields.Email is { } email
        && (batch.Contains(email) || await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecordAccess]).AnyAsync(c => c.Email == email, ct))
            ? text["A contact with this e-mail address exists already; give the row an external id to update it, or import with \"create duplicates\"."].Value
            : null;
}
