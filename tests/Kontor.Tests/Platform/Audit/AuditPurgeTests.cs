using System.Net;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Audit;

/// <summary>
/// The recycle-bin purge deletes records for good with their field history (which holds old values in clear); the
/// audit log, which holds ids and counts only, keeps what happened to them.
/// </summary>
public sealed class AuditPurgeTests(FakeClockAppFactory app) : IClassFixture<FakeClockAppFactory>
{
    [Fact]
    public async Task Purge_OfTheRecycleBin_IsLoggedAndKeepsTheLogButNotTheFieldHistoryOfThePurgedRecord()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Old customer");
        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        app.Clock.Advance(TimeSpan.FromDays(RecycleBin.RetentionDays) + TimeSpan.FromMinutes(1));
        await app.WithServicesAsync(services => services.GetRequiredService<Kontor.Platform.Retention.Runs.RetentionJob>().RunAllAsync(Api.Ct));

        // The scheduler runs on the same clock and may have purged first: look for the entry, not for a count.
        var entries = await app.EntriesAsync(rep.TenantId);
        Assert.Contains(entries, e => e.Action == AuditAction.Purge && e.RecordType == "account" && e.Detail!.Contains("\"count\":1", StringComparison.Ordinal));
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], entries.Where(e => e.RecordId == account.Id()).Select(e => e.Action));
        Assert.Empty(await app.FieldChangesAsync(rep.TenantId, account.Id()));
        Assert.True((await app.InTenantAsync(rep.TenantId, db => AuditChainVerifier.VerifyAsync(db, rep.TenantId, Api.Ct))).IsIntact);
    }
}
