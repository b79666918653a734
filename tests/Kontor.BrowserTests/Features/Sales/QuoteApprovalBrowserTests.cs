using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Features.Sales.Products;
using Kontor.Features.Sales.Quotes;
using Kontor.Platform.Access;
using Microsoft.EntityFrameworkCore;

namespace Kontor.BrowserTests.Features.Sales;

/// <summary>A rep builds a quote with a discount above the threshold, asks for approval, the manager approves and downloads its PDF.</summary>
public sealed class QuoteApprovalBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task QuoteAboveThreshold_RequestedApprovedAndPrinted()
    {
        var admin = await app.CreateTenantWithUserAsync("Anna", "Admin");
        var manager = await app.CreateUserAsync(admin.TenantId, "Max", "Manager", Roles.TeamLead);
        var rep = await app.CreateUserAsync(admin.TenantId, "Rita", "Rep", Roles.SalesRep);
        var opportunityId = Guid.Empty;
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            (await db.Users.SingleAsync(u => u.Id == rep.Id, ct)).ManagerId = manager.Id;
            var account = new Account(new AccountFields(
                "Berger Logistik GmbH", null, null, null, null, null, null,
                new PostalAddress { Street = "Hafenstraße 3", PostalCode = "20457", City = "Hamburg", Country = "DE" }, PostalAddress.Empty, null, rep.Id, null, null));
            db.Accounts.Add(account);
            var product = new Product("W-100", "Widget", null, "pc", TaxClass.Standard, true);
            db.Products.Add(product);
            var list = new PriceList("Standard EUR", "EUR", null, null, null, true);
            db.PriceLists.Add(list);
            db.PriceListEntries.Add(new PriceListEntry(list.Id, product.Id, 10_000));
            await db.SaveChangesAsync(ct);
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, ct);
            var stage = await db.PipelineStages.Where(s => s.PipelineId == pipeline.Id && s.Outcome == StageOutcome.Open).OrderBy(s => s.Order).FirstAsync(ct);
            var opportunity = new Opportunity(new OpportunityFields("Forklifts", account.Id, rep.Id, null, null, "EUR", null, null, null, null, null, null), pipeline, stage, rep.Id, DateTimeOffset.UtcNow);
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync(ct);
            opportunityId = opportunity.Id;
        });

        // The rep builds the quote: 2 widgets at 100.00 with 20 % off; the live totals show 160.00 + 19 % = 190.40.
        var page = await app.SignedInPageAsync(rep.Email);
        await page.GotoAsync($"quotes/new?opportunityId={opportunityId}");
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByLabel("Product 1", new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("W-100 · Widget").ClickAsync();
        await page.GetByLabel("Quantity 1", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Quantity 1", new() { Exact = true }).PressAsync("Tab");
        await page.GetByLabel("Discount % 1", new() { Exact = true }).FillAsync("20");
        await page.GetByLabel("Discount % 1", new() { Exact = true }).PressAsync("Tab");
        await Expect(page.GetByTestId("gross-total")).ToHaveTextAsync("190.40 EUR");
        await Expect(page.GetByText("exceeds the approval threshold")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quote Q-00001", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Request approval", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Waiting for approval by Max Manager.")).ToBeVisibleAsync();
        var quoteUrl = new Uri(page.Url).AbsolutePath;

        // The manager approves with a comment and prints the quote.
        var managerPage = await app.SignedInPageAsync(manager.Email);
        await managerPage.GotoAsync(quoteUrl.TrimStart('/'));
        await KontorBrowserApp.WaitForInteractivityAsync(managerPage);
        await managerPage.GetByLabel("Comment", new() { Exact = true }).FillAsync("Fleet deal");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(managerPage.GetByText("Approval comment: Fleet deal")).ToBeVisibleAsync();
        await Expect(managerPage.GetByRole(AriaRole.Button, new() { Name = "Mark as sent", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(managerPage);

        var pdfLink = managerPage.GetByRole(AriaRole.Link, new() { Name = "PDF (English)", Exact = true });
        var href = await pdfLink.GetAttributeAsync("href");
        var pdf = await managerPage.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var text = System.Text.Encoding.Latin1.GetString(await pdf.BodyAsync());
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        Assert.Contains("Quote Q-00001", text, StringComparison.Ordinal);
        Assert.Contains("190.40 EUR", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CataloguePagesAndSettings_WorkForAnAdministrator()
    {
        var admin = await app.CreateTenantWithUserAsync("Anna", "Admin");
        var page = await app.SignedInPageAsync(admin.Email);

        await page.GotoAsync("products");
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("P-1");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Pump");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Pump", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GotoAsync("admin/quote-settings");
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByLabel("Company name", new() { Exact = true }).FillAsync("Kontor Demo GmbH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Quote settings saved.")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        foreach (var (path, heading) in new[] { ("price-lists", "Price lists"), ("quotes", "Quotes"), ("orders", "Orders"), ("quotes/new", "New quote") })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await KontorBrowserApp.WaitForInteractivityAsync(page);
            await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        }
    }
}
