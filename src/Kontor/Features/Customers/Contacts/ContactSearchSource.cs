using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Search;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Customers.Contacts;

/// <summary>Contacts in the global search: found by name, e-mail, phone and job title; shown with their account or e-mail.</summary>
internal sealed class ContactSearchSource(IStringLocalizer<CustomersText> L) : IGlobalSearchSource
{
    public SecuredObject Object => CustomerObjects.Contacts;

    public int Order => 20;

    public string Heading => L["Contacts"];

    public async Task<GlobalSearchGroup> SearchAsync(GlobalSearchQuery query, KontorDb db, CancellationToken ct)
    {
        var found = await GlobalSearchEngine.FindAsync<Contact>(db, query, ct);
        var ids = found.Hits.Select(h => h.Id).ToList();

        // The account's name only when the user may see the account.
        var rows = await db.Contacts.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.FirstName,
                c.LastName,
                c.Email,
                c.JobTitle,
                AccountName = db.Accounts.Where(a => a.Id == c.AccountId).Select(a => a.Name).FirstOrDefault(),
            })
            .ToDictionaryAsync(c => c.Id, ct);
        var items = new List<GlobalSearchItem>();
        foreach (var hit in found.Hits)
        {
            if (rows.TryGetValue(hit.Id, out var c))
            {
                var name = string.Join(' ', new[] { c.Title, c.FirstName, c.LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
                items.Add(new GlobalSearchItem(c.Id, name, c.AccountName ?? c.Email ?? c.JobTitle, $"/contacts/{c.Id}", hit.Score));
            }
        }

        return new GlobalSearchGroup(Object.Key, Heading, found.Total, found.TotalIsCapped, items);
    }
}
