using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;

namespace Kontor.BrowserTests.Features.Customers;

/// <summary>The recycle bin page: a tab per record type, an account's deals deleted and restored with it.</summary>
public sealed class RecycleBinBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task DeletedAccount_TakesItsDealIntoTheRecycleBin_RestoringTheAccountBringsTheDealBack()
    {
        var admin = await app.CreateTenantWithUserAsync("Rita", "Restore");
        var accountId = Guid.Empty;
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var account = new Account(new AccountFields(
                "Brandt Logistik GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, admin.Id, null, null));
            db.Accounts.Add(account);
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, TestContext.Current.CancellationToken);
            db.Opportunities.Add(new Opportunity(
                new OpportunityFields("Hydraulic press", account.Id, admin.Id, null, 100_000, "EUR", null, null, null, null, null, null),
                pipeline, pipeline.FirstOpenStage(), admin.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            accountId = account.Id;
        });

        var page = await app.SignedInPageAsync(admin.Email);
        await page.GotoAsync(new Uri(app.BaseAddress, $"accounts/{accountId}").ToString());
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "recycle-bin").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recycle bin", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Brandt Logistik GmbH", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Leads", Exact = true }).ClickAsync();
        await Expect(page.GetByText("No deleted leads.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Opportunities", Exact = true }).ClickAsync();
        var deal = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "Hydraulic press", Exact = true }) });
        await Expect(deal.GetByRole(AriaRole.Cell, new() { Name = "Rita Restore", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Accounts", Exact = true }).ClickAsync();
        var restore = page.GetByRole(AriaRole.Button, new() { Name = "Restore Brandt Logistik GmbH", Exact = true });
        await restore.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Restored Brandt Logistik GmbH.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Opportunities", Exact = true }).ClickAsync();
        await Expect(page.GetByText("No deleted opportunities.")).ToBeVisibleAsync();
    }
}
