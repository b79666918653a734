using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Customers.Shared;

/// <summary>Deleted accounts on the recycle bin page; restoring one brings back what was deleted with it.</summary>
internal sealed class AccountRecycleBinSource(IStringLocalizer<CustomersText> texts, IEnumerable<IRecordDeleteParticipant> participants) : IRecycleBinSource
{
    public string Type => CustomerObjects.Accounts.Key;

    public int Order => 10;

    public string Heading => texts["Accounts"];

    public string DetailHeading => texts["City"];

    public string EmptyText => texts["No deleted accounts."];

    public async Task<Page<RecycledRecord>> ListAsync(KontorDb db, string? cursor, int limit, CancellationToken ct)
    {
        var page = await ListDeletedAccounts.ExecuteAsync(new ListDeletedAccountsRequest { Limit = limit, Cursor = cursor }, db, ct);
        var deleters = await RecycleBinSources.DeletersAsync<Account>(db, [.. page.Items.Select(a => a.Id)], ct);
        return new Page<RecycledRecord>(
            [.. page.Items.Select(a => new RecycledRecord(a.Id, a.Name, a.BillingAddress.City, a.DeletedAt!.Value, deleters.GetValueOrDefault(a.Id)))],
            page.NextCursor, page.Total, page.TotalIsCapped);
    }

    public async Task<bool> RestoreAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct) =>
        await RestoreAccount.ExecuteAsync(id, db, access, participants, ct) is not null;
}

/// <summary>Deleted contacts on the recycle bin page.</summary>
internal sealed class ContactRecycleBinSource(IStringLocalizer<CustomersText> texts) : IRecycleBinSource
{
    public string Type => CustomerObjects.Contacts.Key;

    public int Order => 20;

    public string Heading => texts["Contacts"];

    public string DetailHeading => texts["Account"];

    public string EmptyText => texts["No deleted contacts."];

    public async Task<Page<RecycledRecord>> ListAsync(KontorDb db, string? cursor, int limit, CancellationToken ct)
    {
        var page = await ListDeletedContacts.ExecuteAsync(new ListDeletedContactsRequest { Limit = limit, Cursor = cursor }, db, ct);
        var deleters = await RecycleBinSources.DeletersAsync<Contact>(db, [.. page.Items.Select(c => c.Id)], ct);
        return new Page<RecycledRecord>(
            [.. page.Items.Select(c => new RecycledRecord(c.Id, c.FullName, c.AccountName, c.DeletedAt!.Value, deleters.GetValueOrDefault(c.Id)))],
            page.NextCursor, page.Total, page.TotalIsCapped);
    }

    public async Task<bool> RestoreAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct) =>
        await RestoreContact.ExecuteAsync(id, db, access, ct) is not null;
}
