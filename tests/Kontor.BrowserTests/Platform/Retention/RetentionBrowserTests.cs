using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontor.BrowserTests.Platform.Retention;

public sealed class RetentionBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task DryRun_OfAnAdministrator_ShowsWhatWouldGoAndChangesNothing()
    {
        var admin = await app.CreateTenantWithUserAsync("Ada", "Admin", Roles.Admin);
        var account = Guid.Empty;
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var deleted = new Account(new AccountFields("Long gone GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, admin.Id, null, null));
            db.Accounts.Add(deleted);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            account = deleted.Id;
            var longAgo = DateTimeOffset.UtcNow.AddDays(-40);
            await db.Accounts.Where(a => a.Id == account).ExecuteUpdateAsync(set => set.SetProperty(a => a.DeletedAt, longAgo), TestContext.Current.CancellationToken);
        });
        var page = await app.SignedInPageAsync(admin.Email);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Retention" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Retention", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run now" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recycle bin" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Would delete 1, would anonymise 0, held 0.").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = account.ToString() })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dry run" }).First).ToBeVisibleAsync();
        var left = 0;
        await app.InTenantAsync(admin.TenantId, async db =>
            left = await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).CountAsync(a => a.Id == account, TestContext.Current.CancellationToken));
        Assert.Equal(1, left);
    }
}
