using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Duplicates;
using Kontor.Platform.Data;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>A row refused as a likely duplicate: the field that matched and the message for the report.</summary>
internal sealed record ImportDuplicate(string Field, string Message);

/// <summary>
/// The one duplicate check of imports: a row without external id that looks like a record the user can see (the
/// same rules as creating through the API: <see cref="DuplicateFinder"/>) or like an earlier row of the same batch
/// (same VAT id or e-mail address) is refused unless the import says to create duplicates anyway.
/// </summary>
internal static class ImportDuplicates
{
    public static async Task<ImportDuplicate?> AccountAsync(KontorDb db, IStringLocalizer<ImportExportText> text, AccountFields fields, HashSet<string> batch, CancellationToken ct)
    {
        var match = AccountMatch.Of(fields);
        if (match.VatId is { } vatId && batch.Contains(vatId))
        {
            return new("account.vatId", text["An earlier row of the file has this VAT id; give the rows external ids, or import with \"create duplicates\"."]);
        }

        var found = await DuplicateFinder.FindAccountsAsync(db, match, excludeId: null, ct);
        return found.Count == 0 ? null : Describe(text, found[0], "account.");
    }

    public static async Task<ImportDuplicate?> ContactAsync(KontorDb db, IStringLocalizer<ImportExportText> text, ContactFields fields, HashSet<string> batch, CancellationToken ct)
    {
        var match = ContactMatch.Of(fields);
        if (match.Email is { } email && batch.Contains(email))
        {
            return new("contact.email", text["An earlier row of the file has this e-mail address; give the rows external ids, or import with \"create duplicates\"."]);
        }

        var found = await DuplicateFinder.FindContactsAsync(db, match, excludeId: null, ct);
        return found.Count == 0 ? null : Describe(text, found[0], "contact.");
    }

    private static ImportDuplicate Describe(IStringLocalizer<ImportExportText> text, DuplicateCandidate candidate, string prefix)
    {
        var field = candidate.Reasons[0] switch
        {
            DuplicateReasons.VatId => "vatId",
            DuplicateReasons.Email => "email",
            DuplicateReasons.Phone => "phone",
            _ => prefix == "contact." ? "lastName" : "name",
        };
        return new(prefix + field, text["Likely a duplicate of \"{0}\"; give the row an external id to update it, or import with \"create duplicates\".", candidate.Name]);
    }
}
