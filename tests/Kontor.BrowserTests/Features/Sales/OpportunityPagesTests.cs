using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;

namespace Kontor.BrowserTests.Features.Sales;

/// <summary>The opportunity list, detail page and the pipeline administration, used as people do.</summary>
public sealed class OpportunityPagesTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task ListDetailAndPipelineAdmin_ShowTheDeal_MoveItAndAddAStage()
    {
        var user = await app.CreateTenantWithUserAsync("Anna", "Admin");
        await app.InTenantAsync(user.TenantId, async db =>
        {
            var account = new Account(new AccountFields(
                "Brandt Logistik GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, user.Id, null, null));
            db.Accounts.Add(account);
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, TestContext.Current.CancellationToken);
            db.Opportunities.Add(new Opportunity(
                new OpportunityFields("Hydraulic press", account.Id, user.Id, null, 100_000, "EUR", new DateOnly(2027, 3, 31), null, null, "Schuler", null, null),
                pipeline, pipeline.FirstOpenStage(), user.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await app.SignedInPageAsync(user.Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Opportunities", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opportunities", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Brandt Logistik GmbH" })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Hydraulic press" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hydraulic press", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage history", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GotoAsync(new Uri(app.BaseAddress, "admin/pipelines").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pipelines", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stages", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByLabel("Name of the new stage").FillAsync("Demo at customer site");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add stage" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove Demo at customer site" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Qualifizierung" }).ClickAsync();
        await Expect(page.GetByText("The stage 'Qualifizierung' still has 1 opportunities. Move them to another stage before you remove it.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task NewOpportunity_FromTheAccountPage_IsSavedWithTheAccountAndShownThere()
    {
        var user = await app.CreateTenantWithUserAsync("Sven", "Sales", "SalesRep");
        var accountId = Guid.Empty;
        await app.InTenantAsync(user.TenantId, async db =>
        {
            var account = new Account(new AccountFields(
                "Keller Anlagenbau AG", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, user.Id, null, null));
            db.Accounts.Add(account);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            accountId = account.Id;
        });

        var page = await app.SignedInPageAsync(user.Email);
        await page.GotoAsync(new Uri(app.BaseAddress, $"accounts/{accountId}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opportunities (0)", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "New opportunity" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New opportunity", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Turbine overhaul");
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("1500");
        await page.GetByLabel("Next step", new() { Exact = true }).FillAsync("Site visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Turbine overhaul", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("1,500.00 EUR")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Keller Anlagenbau AG" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opportunities (1)", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Turbine overhaul" })).ToBeVisibleAsync();
    }
}
