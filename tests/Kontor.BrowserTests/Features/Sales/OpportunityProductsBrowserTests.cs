using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Features.Sales.Products;
using Kontor.Features.Sales.Quotes;
using Kontor.Platform.Access;

namespace Kontor.BrowserTests.Features.Sales;

/// <summary>A rep puts a product on an opportunity, sees the amount follow the line, and makes a quote from it.</summary>
public sealed class OpportunityProductsBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task AddProductOnTheOpportunityPage_AmountFollowsTheLine_QuoteCopiesIt()
    {
        var admin = await app.CreateTenantWithUserAsync("Anna", "Admin");
        var rep = await app.CreateUserAsync(admin.TenantId, "Rita", "Rep", Roles.SalesRep);
        var opportunityId = Guid.Empty;
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var account = new Account(new AccountFields(
                "Berger Logistik GmbH", null, null, null, null, null, null,
                new PostalAddress { Street = "Hafenstraße 3", PostalCode = "20457", City = "Hamburg", Country = "DE" }, PostalAddress.Empty, null, rep.Id, null, null));
            db.Accounts.Add(account);
            var product = new Product("W-100", "Widget", null, "pc", TaxClass.Standard, true);
            db.Products.Add(product);
            var list = new PriceList("Standard EUR", "EUR", null, null, null, true);
            db.PriceLists.Add(list);
            db.PriceListEntries.Add(new PriceListEntry(list.Id, product.Id, 1_999));
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, ct);
            var opportunity = new Opportunity(
                new OpportunityFields("Forklifts", account.Id, rep.Id, null, 100_000, "EUR", null, null, null, null, null, null),
                pipeline, pipeline.FirstOpenStage(), rep.Id, DateTimeOffset.UtcNow);
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync(ct);
            opportunityId = opportunity.Id;
        });

        var page = await app.SignedInPageAsync(rep.Email);
        await page.GotoAsync($"opportunities/{opportunityId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByText("1,000.00 EUR")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        // 2.5 widgets at 19.99 = 49.975 → 49.98, 10 % off = 5.00 (4.998 rounded): 44.98.
        await page.GetByLabel("Product", new() { Exact = true }).FillAsync("W-1");
        await page.Locator(".mud-popover-open").GetByText("W-100 · Widget").ClickAsync();
        await page.GetByLabel("Quantity", new() { Exact = true }).FillAsync("2.5");
        await page.GetByLabel("Quantity", new() { Exact = true }).PressAsync("Tab");
        await page.GetByLabel("Discount %", new() { Exact = true }).FillAsync("10");
        await page.GetByLabel("Discount %", new() { Exact = true }).PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add product", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("products-total")).ToHaveTextAsync("44.98 EUR");
        await Expect(page.Locator("dl.kontor-details").GetByText("44.98 EUR")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create quote", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quote Q-00001", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("gross-total")).ToHaveTextAsync("53.53 EUR");
    }
}
