using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers;

/// <summary>Accounts as targets of activities and history; an account's timeline includes its contacts.</summary>
internal sealed class AccountTarget : IRecordTarget
{
    public string Type => CustomerObjects.Accounts.Key;

    public IQueryable<Guid> VisibleIds(KontorDb db) => db.Accounts.Select(a => a.Id);

    public async Task<TargetAccess> AccessAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return account is null ? TargetAccess.Invisible
            : access.CanChange(account, ObjectPermissions.Edit) ? TargetAccess.Changeable
            : TargetAccess.ReadOnly;
    }

    public Task<Dictionary<Guid, RecordLabel>> LabelsAsync(KontorDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Email })
            .ToDictionaryAsync(a => a.Id, a => new RecordLabel(a.Name, a.Email), ct);

    public IReadOnlyList<RecordChildren> Children(KontorDb db, Guid id) =>
        [new(CustomerObjects.Contacts.Key, db.Contacts.Where(c => c.AccountId == id).Select(c => c.Id))];
}

/// <summary>Contacts as targets of activities, history and meeting invitations.</summary>
internal sealed class ContactTarget : IRecordTarget
{
    public string Type => CustomerObjects.Contacts.Key;

    public IQueryable<Guid> VisibleIds(KontorDb db) => db.Contacts.Select(c => c.Id);

    public async Task<TargetAccess> AccessAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return contact is null ? TargetAccess.Invisible
            : access.CanChange(contact, ObjectPermissions.Edit) ? TargetAccess.Changeable
            : TargetAccess.ReadOnly;
    }

    public async Task<Dictionary<Guid, RecordLabel>> LabelsAsync(KontorDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.FirstName, c.LastName, c.Email })
            .ToListAsync(ct))
        .ToDictionary(
            c => c.Id,
            c => new RecordLabel(string.Join(' ', new[] { c.Title, c.FirstName, c.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))), c.Email));

    public IReadOnlyList<RecordChildren> Children(KontorDb db, Guid id) => [];
}
