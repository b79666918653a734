using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Search;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Sales.Leads;

/// <summary>Leads in the global search: found by name, company, e-mail, phone and city; shown with their company.</summary>
internal sealed class LeadSearchSource(IStringLocalizer<LeadsText> L) : IGlobalSearchSource
{
    public SecuredObject Object => SalesObjects.Leads;

    public int Order => 30;

    public string Heading => L["Leads"];

    public async Task<GlobalSearchGroup> SearchAsync(GlobalSearchQuery query, KontorDb db, CancellationToken ct)
    {
        var found = await GlobalSearchEngine.FindAsync<Lead>(db, query, ct);
        var ids = found.Hits.Select(h => h.Id).ToList();
        var rows = await db.Leads.AsNoTracking()
            .Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.FirstName, l.LastName, l.Company, l.Email })
            .ToDictionaryAsync(l => l.Id, ct);
        var items = new List<GlobalSearchItem>();
        foreach (var hit in found.Hits)
        {
            if (rows.TryGetValue(hit.Id, out var l))
            {
                var name = string.Join(' ', new[] { l.FirstName, l.LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
                items.Add(new GlobalSearchItem(l.Id, name, l.Company ?? l.Email, $"/leads/{l.Id}", hit.Score));
            }
        }

        return new GlobalSearchGroup(Object.Key, Heading, found.Total, found.TotalIsCapped, items);
    }
}
