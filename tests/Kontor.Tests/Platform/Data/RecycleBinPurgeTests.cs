using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Data;

/// <summary>
/// Deleted records stay restorable for 30 days; the daily job then removes them for good. The scheduler runs on
/// the same clock, so after a jump it may purge at the same time as the test: tests check what is left, not counts.
/// </summary>
public sealed class RecycleBinPurgeTests(FakeClockAppFactory app) : IClassFixture<FakeClockAppFactory>
{
    [Fact]
    public async Task Purge_ThirtyDaysAfterDeletion_RemovesTheAccountAndItsContactsForGood()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Old customer");
        var contact = await rep.Client.CreateContactAsync("Old contact", account.Id());
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        app.Clock.Advance(TimeSpan.FromDays(RecycleBin.RetentionDays) + TimeSpan.FromMinutes(1));
        await PurgeAsync();

        var client = await app.SignInAsync(rep.Email);
        Assert.Empty((await client.GetJsonAsync("/api/accounts/deleted")).Ids());
        Assert.Empty((await client.GetJsonAsync("/api/contacts/deleted")).Ids());
        await client.PostAsync($"/api/accounts/{account.Id()}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
        await client.PostAsync($"/api/contacts/{contact.Id()}/restore", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await ExistsAsync(rep.TenantId, account.Id()));
        Assert.False(await app.InTenantAsync(rep.TenantId, db => db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(c => c.Id == contact.Id(), Api.Ct)));
    }

    [Fact]
    public async Task Purge_LessThanThirtyDaysAfterDeletion_KeepsRecordsRestorable()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Recent customer");
        var contact = await rep.Client.CreateContactAsync("Recent contact", account.Id());
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        app.Clock.Advance(TimeSpan.FromDays(RecycleBin.RetentionDays - 1));
        await PurgeAsync();

        var client = await app.SignInAsync(rep.Email);
        Assert.Equal([account.Id()], (await client.GetJsonAsync("/api/accounts/deleted")).Ids());
        await client.PostAsync($"/api/accounts/{account.Id()}/restore", null, Api.Ct).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Recent customer", (await client.GetJsonAsync($"/api/contacts/{contact.Id()}")).Str("accountName"));
    }

    [Fact]
    public async Task Purge_LeavesLiveRecordsOfEveryTenantAlone()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var globex = await app.CreateTenantWithUserAsync("Globex", Roles.SalesRep);
        var acmeAccount = await acme.Client.CreateAccountAsync("Live at Acme");
        var globexAccount = await globex.Client.CreateAccountAsync("Live at Globex");
        var globexDeleted = await globex.Client.CreateAccountAsync("Deleted at Globex");
        await globex.Client.RemoveAsync($"/api/accounts/{globexDeleted.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        app.Clock.Advance(TimeSpan.FromDays(RecycleBin.RetentionDays + 5));
        await PurgeAsync();

        Assert.Equal([acmeAccount.Id()], (await (await app.SignInAsync(acme.Email)).GetJsonAsync("/api/accounts")).Ids());
        var globexClient = await app.SignInAsync(globex.Email);
        Assert.Equal([globexAccount.Id()], (await globexClient.GetJsonAsync("/api/accounts")).Ids());
        Assert.Empty((await globexClient.GetJsonAsync("/api/accounts/deleted")).Ids());
    }

    [Fact]
    public async Task Purge_OfAParentAccount_LeavesItsSubsidiaryWithoutParent()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var holding = await rep.Client.CreateAccountAsync("Holding");
        var subsidiary = await rep.Client.CreateAccountAsync(new { name = "Subsidiary", parentAccountId = holding.Id() });
        await rep.Client.RemoveAsync($"/api/accounts/{holding.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        app.Clock.Advance(TimeSpan.FromDays(RecycleBin.RetentionDays + 1));
        await PurgeAsync();

        var stored = await (await app.SignInAsync(rep.Email)).GetJsonAsync($"/api/accounts/{subsidiary.Id()}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("parentAccountId").ValueKind);
    }

    [Fact]
    public async Task Purge_OfAContactDeletedAlone_KeepsItsAccount()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var contact = await rep.Client.CreateContactAsync("Leaver", account.Id());
        await rep.Client.RemoveAsync($"/api/contacts/{contact.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        app.Clock.Advance(TimeSpan.FromDays(RecycleBin.RetentionDays + 1));
        await PurgeAsync();

        var client = await app.SignInAsync(rep.Email);
        Assert.Empty((await client.GetJsonAsync("/api/contacts/deleted")).Ids());
        Assert.Equal([account.Id()], (await client.GetJsonAsync("/api/accounts")).Ids());
    }

    [Fact]
    public async Task Delete_StampsTheDeletionTimeFromTheClock()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        var deleted = (await rep.Client.GetJsonAsync("/api/accounts/deleted")).GetProperty("items")[0];
        Assert.Equal(app.Clock.GetUtcNow(), deleted.GetProperty("deletedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    private Task PurgeAsync() =>
        app.WithServicesAsync(services => services.GetRequiredService<Kontor.Platform.Retention.Runs.RetentionJob>().RunAllAsync(Api.Ct));

    private Task<bool> ExistsAsync(Guid tenantId, Guid accountId) =>
        app.InTenantAsync(tenantId, db => db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(a => a.Id == accountId, Api.Ct));
}
