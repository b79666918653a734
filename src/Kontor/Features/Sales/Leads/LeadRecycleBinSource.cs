using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Sales.Leads;

/// <summary>Deleted leads on the recycle bin page, listed and restored through the leads' own use cases.</summary>
internal sealed class LeadRecycleBinSource(IStringLocalizer<LeadsText> texts) : IRecycleBinSource
{
    public string Type => SalesObjects.Leads.Key;

    public int Order => 30;

    public string Heading => texts["Leads"];

    public string DetailHeading => texts["Company"];

    public string EmptyText => texts["No deleted leads."];

    public async Task<Page<RecycledRecord>> ListAsync(KontorDb db, string? cursor, int limit, CancellationToken ct)
    {
        var page = await ListDeletedLeads.ExecuteAsync(new ListDeletedLeadsRequest { Limit = limit, Cursor = cursor }, db, ct);
        var deleters = await RecycleBinSources.DeletersAsync<Lead>(db, [.. page.Items.Select(l => l.Id)], ct);
        return new Page<RecycledRecord>(
            [.. page.Items.Select(l => new RecycledRecord(
                l.Id, $"{l.FirstName} {l.LastName}".Trim(), l.Company, l.DeletedAt!.Value, deleters.GetValueOrDefault(l.Id)))],
            page.NextCursor, page.Total, page.TotalIsCapped);
    }

    public async Task<bool> RestoreAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct) =>
        await RestoreLead.ExecuteAsync(id, db, access, ct) is not null;
}
