using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Sales.Leads;

/// <summary>Leads as targets of activities and history.</summary>
internal sealed class LeadTarget(IStringLocalizer<LeadsText> l) : IRecordTarget
{
    public string Type => SalesObjects.Leads.Key;

    public IQueryable<Guid> VisibleIds(KontorDb db) => db.Leads.Select(x => x.Id);

    public async Task<TargetAccess> AccessAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return lead is null ? TargetAccess.Invisible
            : LeadAccess.CanChange(access, lead, ObjectPermissions.Edit) ? TargetAccess.Changeable
            : TargetAccess.ReadOnly;
    }

    public async Task<Dictionary<Guid, RecordLabel>> LabelsAsync(KontorDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.Leads.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.FirstName, x.LastName, x.Company, x.Email })
            .ToListAsync(ct))
        .ToDictionary(
            x => x.Id,
            x => new RecordLabel(
                string.Join(' ', new[] { x.FirstName, x.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))) + (x.Company is null ? "" : $" ({x.Company})"),
                x.Email));

    public IReadOnlyList<RecordChildren> Children(KontorDb db, Guid id) => [];

    public string FieldLabel(string field) => string.Join(" · ", field.Split('.').Select(part => Label(part)?.Value ?? part));

    private LocalizedString? Label(string field) => field switch
    {
        nameof(Lead.Salutation) => l["Salutation"],
        nameof(Lead.FirstName) => l["First name"],
        nameof(Lead.LastName) => l["Last name"],
        nameof(Lead.Company) => l["Company"],
        nameof(Lead.Title) => l["Job title"],
        nameof(Lead.Email) => l["E-mail"],
        nameof(Lead.Phone) => l["Phone"],
        nameof(Lead.Address) => l["Address"],
        nameof(Lead.Source) => l["Source"],
        nameof(Lead.Campaign) => l["Campaign"],
        nameof(Lead.Segment) => l["Segment"],
        nameof(Lead.Status) => l["Status"],
        nameof(Lead.DisqualificationReason) => l["Disqualification reason"],
        nameof(Lead.Rating) => l["Rating"],
        nameof(Lead.OwnerId) => l["Owner"],
        nameof(Lead.TeamId) => l["Team"],
        nameof(Lead.Description) => l["Description"],
        "Street" => l["Street"],
        "PostalCode" => l["Postal code"],
        "City" => l["City"],
        "Region" => l["Region"],
        "Country" => l["Country"],
        _ => null,
    };
}
