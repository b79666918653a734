using Kontor.Platform.Data;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Duplicates;

/// <summary>
/// Fills in the duplicate match keys of accounts and contacts stored before the keys existed (an upgrade), once,
/// in the background after start; without them the duplicate check would not see those records. Each record is
/// updated by a single statement that sets only its keys, so change stamps and audit trail stay as they were: the
/// record's content does not change. Records written meanwhile get their keys from the entity as always.
/// </summary>
internal sealed partial class MatchKeyBackfill(IServiceScopeFactory scopes, ILogger<MatchKeyBackfill> log) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var filled = await RunAsync(scopes, stoppingToken);
            if (filled > 0)
            {
                Filled(log, filled);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(log, e);
        }
    }

    /// <summary>Fills every missing key; returns how many records got theirs.</summary>
    internal static async Task<int> RunAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<SystemScope>().Enter("filling in duplicate match keys of records stored before they existed");
        var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
        var accounts = db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]);
        var contacts = db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]);
        var filled = 0;

        // Per tenant, so the (tenant, match key) indexes find the records without keys: after the first run a start
        // costs one index probe per tenant instead of a scan of every account and contact.
        foreach (var tenantId in await db.Tenants.Select(t => t.Id).ToListAsync(ct))
        {
            // Walks by id, so a record whose key comes out empty again is not read twice.
            var after = Guid.Empty;
            while (await accounts.AsNoTracking().Where(a => a.TenantId == tenantId && a.MatchName == "" && a.Id > after).OrderBy(a => a.Id).Take(BatchSize)
                .Select(a => new { a.Id, a.Name, a.BillingAddress.PostalCode }).ToListAsync(ct) is { Count: > 0 } batch)
            {
                foreach (var account in batch)
                {
                    var name = CompanyNames.Normalize(account.Name);
                    var postalCode = MatchKeys.PostalCode(account.PostalCode);
                    await accounts.Where(a => a.Id == account.Id)
                        .ExecuteUpdateAsync(set => set.SetProperty(a => a.MatchName, name).SetProperty(a => a.MatchPostalCode, postalCode), ct);
                }

                filled += batch.Count;
                after = batch[^1].Id;
            }

            after = Guid.Empty;
            while (await contacts.AsNoTracking().Where(c => c.TenantId == tenantId && c.MatchName == null && c.Id > after).OrderBy(c => c.Id).Take(BatchSize)
                .Select(c => new { c.Id, c.FirstName, c.LastName }).ToListAsync(ct) is { Count: > 0 } batch)
            {
                foreach (var contact in batch)
                {
                    var name = MatchKeys.PersonName(contact.FirstName, contact.LastName);
                    await contacts.Where(c => c.Id == contact.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.MatchName, name), ct);
                }

                filled += batch.Count;
                after = batch[^1].Id;
            }
        }

        return filled;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Filled in the duplicate match keys of {Count} records stored before they existed")]
    private static partial void Filled(ILogger logger, int count);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Filling in duplicate match keys failed; the next start tries again")]
    private static partial void Failed(ILogger logger, Exception exception);
}
