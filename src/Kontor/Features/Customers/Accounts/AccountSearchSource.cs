using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Search;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Customers.Accounts;

/// <summary>Accounts in the global search: found by name, e-mail, phone, cities and VAT id; shown with their billing city.</summary>
internal sealed class AccountSearchSource(IStringLocalizer<CustomersText> L) : IGlobalSearchSource
{
    public SecuredObject Object => CustomerObjects.Accounts;

    public int Order => 10;

    public string Heading => L["Accounts"];

    public async Task<GlobalSearchGroup> SearchAsync(GlobalSearchQuery query, KontorDb db, CancellationToken ct)
    {
        var found = await GlobalSearchEngine.FindAsync<Account>(db, query, ct);
        var ids = found.Hits.Select(h => h.Id).ToList();
        var rows = await db.Accounts.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, City = a.BillingAddress.City ?? a.ShippingAddress.City, a.Email })
            .ToDictionaryAsync(a => a.Id, ct);
        var items = new List<GlobalSearchItem>();
        foreach (var hit in found.Hits)
        {
            if (rows.TryGetValue(hit.Id, out var a))
            {
                items.Add(new GlobalSearchItem(a.Id, a.Name, a.City ?? a.Email, $"/accounts/{a.Id}", hit.Score));
            }
        }

        return new GlobalSearchGroup(Object.Key, Heading, found.Total, found.TotalIsCapped, items);
    }
}
