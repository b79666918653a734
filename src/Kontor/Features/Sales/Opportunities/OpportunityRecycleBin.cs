using Kontor.Features.Customers;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>Deleted opportunities on the recycle bin page, listed and restored through the opportunities' own use cases.</summary>
internal sealed class OpportunityRecycleBinSource(IStringLocalizer<OpportunitiesText> texts, TimeProvider clock) : IRecycleBinSource
{
    public string Type => SalesObjects.Opportunities.Key;

    public int Order => 40;

    public string Heading => texts["Opportunities"];

    public string DetailHeading => texts["Account"];

    public string EmptyText => texts["No deleted opportunities."];

    public async Task<Page<RecycledRecord>> ListAsync(KontorDb db, string? cursor, int limit, CancellationToken ct)
    {
        var page = await ListDeletedOpportunities.ExecuteAsync(new ListDeletedOpportunitiesRequest { Limit = limit, Cursor = cursor }, db, ct);
        var deleters = await RecycleBinSources.DeletersAsync<Opportunity>(db, [.. page.Items.Select(o => o.Id)], ct);
        return new Page<RecycledRecord>(
            [.. page.Items.Select(o => new RecycledRecord(o.Id, o.Name, o.AccountName, o.DeletedAt!.Value, deleters.GetValueOrDefault(o.Id)))],
            page.NextCursor, page.Total, page.TotalIsCapped);
    }

    public async Task<bool> RestoreAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct) =>
        await RestoreOpportunity.ExecuteAsync(id, db, access, clock, ct) is not null;
}

/// <summary>
/// An account's open opportunities go to the recycle bin with the account and come back with it; closed ones stay, so
/// won and lost figures of the past do not change when a customer is deleted.
/// </summary>
internal sealed class OpportunityDeleteParticipant : IRecordDeleteParticipant
{
    public async Task DeleteAsync(KontorDb db, RecordRef deleted, Guid? actor, DateTimeOffset deletedAt, CancellationToken ct)
    {
        if (deleted.Type != CustomerObjects.Accounts.Key)
        {
            return;
        }

        // Also deals the deleting user cannot see: they belong to the account, not to the user.
        var open = await db.Opportunities.IgnoreQueryFilters([KontorDb.Filters.RecordAccess])
            .Where(o => o.AccountId == deleted.Id && o.Outcome == StageOutcome.Open)
            .ToListAsync(ct);
        foreach (var opportunity in open)
        {
            opportunity.MoveToRecycleBin(actor, deletedAt);
        }
    }

    public async Task RestoreAsync(KontorDb db, RecordRef restored, DateTimeOffset deletedAt, CancellationToken ct)
    {
        if (restored.Type != CustomerObjects.Accounts.Key)
        {
            return;
        }

        var withIt = await db.Opportunities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess])
            .Where(o => o.AccountId == restored.Id && o.DeletedAt == deletedAt)
            .ToListAsync(ct);
        foreach (var opportunity in withIt)
        {
            opportunity.RestoreFromRecycleBin();
        }
    }
}
