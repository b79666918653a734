using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;

namespace Kontor.BrowserTests.Features.Sales;

/// <summary>A sales rep moves deals on the board by drag and drop and by the keyboard menu; a refused move says why.</summary>
public sealed class OpportunityBoardTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task DragCard_ToAnotherStage_MovesItAndTotals_AndAMissingRequiredFieldIsExplained()
    {
        var user = await app.CreateTenantWithUserAsync("Vera", "Vertrieb", "SalesRep");
        await app.InTenantAsync(user.TenantId, async db =>
        {
            var account = new Account(new AccountFields(
                "Brandt Logistik GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, user.Id, null, null));
            db.Accounts.Add(account);
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, TestContext.Current.CancellationToken);
            var first = pipeline.FirstOpenStage();
            db.Opportunities.Add(new Opportunity(
                new OpportunityFields("Hydraulic press", account.Id, user.Id, null, 100_000, "EUR", null, null, null, null, null, null), pipeline, first, user.Id, DateTimeOffset.UtcNow));
            db.Opportunities.Add(new Opportunity(
                new OpportunityFields("Spare parts", account.Id, user.Id, null, null, "EUR", null, null, null, null, null, null), pipeline, first, user.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await app.SignedInPageAsync(user.Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Opportunity board" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opportunity board", Level = 1 })).ToBeVisibleAsync();
        var qualification = page.GetByRole(AriaRole.Region, new() { Name = "Qualifizierung" });
        var analysis = page.GetByRole(AriaRole.Region, new() { Name = "Bedarfsanalyse" });
        var proposal = page.GetByRole(AriaRole.Region, new() { Name = "Angebot" });
        await Expect(qualification.GetByText("Count: 2")).ToBeVisibleAsync();
        await Expect(analysis.GetByText("Count: 0")).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        var press = page.Locator(".mud-drop-item", new() { HasText = "Hydraulic press" });
        await press.DragToAsync(analysis.Locator(".mud-drop-zone"));

        await Expect(analysis.GetByText("Count: 1")).ToBeVisibleAsync();
        await Expect(analysis.GetByText("Total: 1,000.00 EUR")).ToBeVisibleAsync();
        await Expect(qualification.GetByText("Count: 1")).ToBeVisibleAsync();
        await Expect(analysis.GetByText("Hydraulic press")).ToBeVisibleAsync();

        // The proposal stage requires amount and close date, which the spare parts deal lacks: the card stays.
        await page.Locator(".mud-drop-item", new() { HasText = "Spare parts" }).DragToAsync(proposal.Locator(".mud-drop-zone"));
        await Expect(page.GetByText("Fill in Amount, Close date before moving the opportunity to 'Angebot'.")).ToBeVisibleAsync();
        await Expect(qualification.GetByText("Spare parts")).ToBeVisibleAsync();
        await Expect(proposal.GetByText("Count: 0")).ToBeVisibleAsync();

        // Without a mouse: the card's menu moves it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Spare parts to stage" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Bedarfsanalyse" }).ClickAsync();
        await Expect(analysis.GetByText("Count: 2")).ToBeVisibleAsync();
        await Expect(qualification.GetByText("Count: 0")).ToBeVisibleAsync();

        // A lost deal asks for its reason before it moves.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Hydraulic press to stage" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Verloren" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Why was 'Hydraulic press' lost?" })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByLabel("Loss reason").FillAsync("Price");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to Verloren" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Verloren" }).GetByText("Count: 1")).ToBeVisibleAsync();
        await Expect(analysis.GetByText("Count: 1")).ToBeVisibleAsync();
    }
}
