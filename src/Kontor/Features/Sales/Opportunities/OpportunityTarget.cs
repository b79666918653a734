using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Kontor.Platform.Search;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>Opportunities as targets of activities and history: tasks, notes, calls and meetings attach to a deal.</summary>
internal sealed class OpportunityTarget(IStringLocalizer<OpportunitiesText> l) : IRecordTarget
{
    public string Type => SalesObjects.Opportunities.Key;

    public IQueryable<Guid> VisibleIds(KontorDb db) => db.Opportunities.Select(o => o.Id);

    public async Task<TargetAccess> AccessAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        return opportunity is null ? TargetAccess.Invisible
            : access.CanChange(opportunity, ObjectPermissions.Edit) ? TargetAccess.Changeable
            : TargetAccess.ReadOnly;
    }

    public Task<Dictionary<Guid, RecordLabel>> LabelsAsync(KontorDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => new RecordLabel(o.Name, null), ct);

    public IReadOnlyList<RecordChildren> Children(KontorDb db, Guid id) => [];

    public string FieldLabel(string field) => field switch
    {
        nameof(Opportunity.Name) => l["Name"],
        nameof(Opportunity.AccountId) => l["Account"],
        nameof(Opportunity.OwnerId) => l["Owner"],
        nameof(Opportunity.InsideSalesTeamId) => l["Inside-sales team"],
        nameof(Opportunity.StageName) => l["Stage"],
        nameof(Opportunity.Amount) => l["Amount"],
        nameof(Opportunity.Currency) => l["Currency"],
        nameof(Opportunity.CloseDate) => l["Close date"],
        nameof(Opportunity.Probability) => l["Probability"],
        nameof(Opportunity.Outcome) => l["Outcome"],
        nameof(Opportunity.NextStep) => l["Next step"],
        nameof(Opportunity.Competitors) => l["Competitors"],
        nameof(Opportunity.LossReason) => l["Loss reason"],
        _ => field,
    };
}

/// <summary>Opportunities in the global search: found by name and competitors; shown with their account.</summary>
internal sealed class OpportunitySearchSource(IStringLocalizer<OpportunitiesText> L) : IGlobalSearchSource
{
    public SecuredObject Object => SalesObjects.Opportunities;

    public int Order => 30;

    public string Heading => L["Opportunities"];

    public async Task<GlobalSearchGroup> SearchAsync(GlobalSearchQuery query, KontorDb db, CancellationToken ct)
    {
        var found = await GlobalSearchEngine.FindAsync<Opportunity>(db, query, ct);
        var ids = found.Hits.Select(h => h.Id).ToList();
        var rows = await db.Opportunities.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, Account = db.Accounts.Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault(), o.StageName })
            .ToDictionaryAsync(o => o.Id, ct);
        var items = new List<GlobalSearchItem>();
        foreach (var hit in found.Hits)
        {
            if (rows.TryGetValue(hit.Id, out var o))
            {
                items.Add(new GlobalSearchItem(o.Id, o.Name, string.Join(" · ", new[] { o.Account, o.StageName }.Where(p => !string.IsNullOrEmpty(p))), $"/opportunities/{o.Id}", hit.Score));
            }
        }

        return new GlobalSearchGroup(Object.Key, Heading, found.Total, found.TotalIsCapped, items);
    }
}

/// <summary>Opportunities follow a merge of their account; contact roles follow a merge of their contact.</summary>
internal sealed class OpportunityMergeParticipant : IRecordMergeParticipant
{
    public async Task MoveAsync(KontorDb db, RecordRef merged, RecordRef survivor, CancellationToken ct)
    {
        if (merged.Type == CustomerObjects.Accounts.Key)
        {
            // Every deal of the merged account, also ones the merging user cannot see or has deleted.
            await db.Opportunities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess])
                .Where(o => o.AccountId == merged.Id)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.AccountId, survivor.Id), ct);
        }
        else if (merged.Type == CustomerObjects.Contacts.Key)
        {
            var roles = await db.OpportunityContacts.Where(c => c.ContactId == merged.Id).ToListAsync(ct);
            var opportunityIds = roles.Select(r => r.OpportunityId).ToList();
            var taken = await db.OpportunityContacts.Where(c => c.ContactId == survivor.Id && opportunityIds.Contains(c.OpportunityId))
                .Select(c => c.OpportunityId).ToListAsync(ct);
            foreach (var role in roles)
            {
                if (taken.Contains(role.OpportunityId))
                {
                    db.OpportunityContacts.Remove(role);
                }
                else
                {
                    role.MoveTo(survivor.Id);
                }
            }
        }
    }
}
