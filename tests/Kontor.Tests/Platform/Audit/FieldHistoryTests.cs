using System.Net;
using Kontor.Features.Customers.Contacts;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Audit;

public sealed class FieldHistoryTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Patch_ThroughApi_WritesOldAndNewValueWhoAndChannelApi()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", industry = "Retail", billingAddress = new { city = "Köln" } });

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Wholesale", billingAddress = new { city = "Berlin" } }, "*")
            .ExpectAsync(HttpStatusCode.OK);

        var changes = await app.FieldChangesAsync(rep.TenantId, account.Id());
        Assert.Equal(["BillingAddress.City", "Industry"], changes.Select(c => c.Field));
        Assert.Equal(("Köln", "Berlin"), (changes[0].OldValue, changes[0].NewValue));
        Assert.Equal(("Retail", "Wholesale"), (changes[1].OldValue, changes[1].NewValue));
        Assert.All(changes, c =>
        {
            Assert.Equal("account", c.RecordType);
            Assert.Equal(rep.Id, c.ChangedBy);
            Assert.Equal(Channel.Api, c.Channel);
        });
    }

    [Fact]
    public async Task Update_ThroughThePage_WritesEnumByNameReferenceAsIdAndChannelUi()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var contact = await rep.Client.CreateContactAsync(new { lastName = "Muster", salutation = "None" });

        await rep.RunAsync(async (services, me) =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<Kontor.Platform.Data.KontorDb>>().CreateDbContextAsync(Api.Ct);
            var stored = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id(), Api.Ct);
            var request = ContactRequest.From(stored);
            request.Salutation = Salutation.Ms;
            request.AccountId = account.Id();
            return await UpdateContact.ExecuteAsync(contact.Id(), request, null, allowDuplicates: false, db, me, services.GetRequiredService<AccessScope>(), Api.Ct);
        });

        var changes = await app.FieldChangesAsync(rep.TenantId, contact.Id());
        Assert.Equal(["AccountId", "Salutation"], changes.Select(c => c.Field));
        Assert.Equal((null, account.Id().ToString()), (changes[0].OldValue, changes[0].NewValue));
        Assert.Equal(("None", "Ms"), (changes[1].OldValue, changes[1].NewValue));
        Assert.All(changes, c => Assert.Equal(Channel.Ui, c.Channel));
    }

    [Fact]
    public async Task Update_ByAnImportJob_WritesChannelImport()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", website = "https://old.example" });

        await rep.RunAsync(async (services, me) =>
        {
            me.UseChannel(Channel.Import);
            var db = services.GetRequiredService<Kontor.Platform.Data.KontorDb>();
            var stored = await db.Accounts.SingleAsync(a => a.Id == account.Id(), Api.Ct);
            db.Entry(stored).Property(a => a.Website).CurrentValue = "https://new.example";
            return await db.SaveChangesAsync(Api.Ct);
        });

        var change = Assert.Single(await app.FieldChangesAsync(rep.TenantId, account.Id()));
        Assert.Equal(("Website", "https://old.example/", "https://new.example", Channel.Import), (change.Field, change.OldValue, change.NewValue, change.Channel));
        Assert.Equal(Channel.Import, (await app.EntriesAsync(rep.TenantId)).Single(e => e.Action == AuditAction.Update).Channel);
    }

    [Fact]
    public async Task SynchronousSave_WritesHistoryAndChainsTheEntry()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await app.InTenantAsync(rep.TenantId, async db =>
        {
            var stored = await db.Accounts.SingleAsync(a => a.Id == account.Id(), Api.Ct);
            db.Entry(stored).Property(a => a.Segment).CurrentValue = "Enterprise";
            return db.SaveChanges();
        });

        Assert.Equal("Enterprise", Assert.Single(await app.FieldChangesAsync(rep.TenantId, account.Id())).NewValue);
        Assert.True((await app.InTenantAsync(rep.TenantId, db => AuditChainVerifier.VerifyAsync(db, rep.TenantId, Api.Ct))).IsIntact);
    }

    [Fact]
    public async Task Patch_WithTheStoredValues_WritesNoHistoryAndNoUpdateEntry()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", industry = "Retail" });

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Acme", industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(await app.FieldChangesAsync(rep.TenantId, account.Id()));
        Assert.DoesNotContain(await app.EntriesAsync(rep.TenantId), e => e.Action == AuditAction.Update);
    }

    [Fact]
    public async Task Create_WritesOneCreateEntryAndNoFieldHistory()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", industry = "Retail" });

        Assert.Empty(await app.FieldChangesAsync(rep.TenantId, account.Id()));
        var created = Assert.Single(await app.EntriesAsync(rep.TenantId), e => e.RecordId == account.Id());
        Assert.Equal(AuditAction.Create, created.Action);
    }

    [Fact]
    public async Task Save_ThatFails_WritesNoHistory_AndItsRetryWritesEachChangeOnce()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await app.InTenantAsync(rep.TenantId, async db =>
        {
            var stored = await db.Accounts.SingleAsync(a => a.Id == account.Id(), Api.Ct);
            db.Entry(stored).Property(a => a.Name).CurrentValue = "Acme Group";

            // No such parent: the foreign key fails the save after the history rows were added to it.
            db.Entry(stored).Property(a => a.ParentAccountId).CurrentValue = Guid.NewGuid();
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Api.Ct));
            Assert.Empty(await app.FieldChangesAsync(rep.TenantId, account.Id()));

            db.Entry(stored).Property(a => a.ParentAccountId).CurrentValue = null;
            await db.SaveChangesAsync(Api.Ct);
        });

        var change = Assert.Single(await app.FieldChangesAsync(rep.TenantId, account.Id()));
        Assert.Equal(("Name", "Acme", "Acme Group"), (change.Field, change.OldValue, change.NewValue));
        Assert.Single(await app.EntriesAsync(rep.TenantId), e => e.Action == AuditAction.Update);
        Assert.True((await app.InTenantAsync(rep.TenantId, db => AuditChainVerifier.VerifyAsync(db, rep.TenantId, Api.Ct))).IsIntact);
    }

    [Fact]
    public async Task Merge_MovesTheHistoryOfTheMergedRecordToTheSurvivor()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var survivor = await rep.Client.CreateAccountAsync("Acme");
        var merged = await rep.Client.CreateAccountAsync("ACME GmbH");
        await rep.Client.PatchJsonAsync($"/api/accounts/{merged.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);

        await app.InTenantAsync(rep.TenantId, async db =>
        {
            using var scope = app.Services.CreateScope();
            var participants = scope.ServiceProvider.GetServices<IRecordMergeParticipant>();
            foreach (var participant in participants)
            {
                await participant.MoveAsync(db, new RecordRef("account", merged.Id()), new RecordRef("account", survivor.Id()), Api.Ct);
            }

            await db.SaveChangesAsync(Api.Ct);
        });

        Assert.Empty(await app.FieldChangesAsync(rep.TenantId, merged.Id()));
        Assert.Equal("Retail", Assert.Single(await app.FieldChangesAsync(rep.TenantId, survivor.Id())).NewValue);
    }
}
