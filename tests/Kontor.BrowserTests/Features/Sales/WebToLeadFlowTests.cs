using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Sales.Leads.WebForm;

namespace Kontor.BrowserTests.Features.Sales;

/// <summary>A visitor fills the public web-to-lead form; a rep finds the lead and converts it with an opportunity.</summary>
public sealed class WebToLeadFlowTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task WebFormLead_FoundAndConvertedWithOpportunity_ShowsLinks()
    {
        var user = await app.CreateTenantWithUserAsync("Lena", "Lead");
        var formKey = "";
        await app.InTenantAsync(user.TenantId, async db =>
        {
            var form = new LeadFormSettings(user.TenantId, DateTimeOffset.UtcNow);
            db.LeadFormSettings.Add(form);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            formKey = form.FormKey;
        });

        // The visitor, without signing in.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(new Uri(app.BaseAddress, $"forms/lead/{formKey}").ToString());
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Contact us", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(visitor);
        await visitor.GetByLabel("First name").FillAsync("Greta");
        await visitor.GetByLabel("Last name").FillAsync("Gießer");
        await visitor.GetByLabel("Company").FillAsync("Gießerei Gießer KG");
        await visitor.GetByLabel("E-mail").FillAsync("greta@giesserei.example");
        await visitor.GetByLabel("Your message").FillAsync("We need a quote for a new furnace.");
        await visitor.GetByRole(AriaRole.Checkbox).CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(visitor);

        // The rep finds the lead in the queue.
        var page = await app.SignedInPageAsync(user.Email);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Leads", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Leads", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Greta Gießer", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Greta Gießer", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("We need a quote for a new furnace.")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        // Converted with an opportunity.
        await page.GetByRole(AriaRole.Button, new() { Name = "Convert", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Account name")).ToHaveValueAsync("Gießerei Gießer KG");
        await dialog.GetByText("Also create an opportunity").ClickAsync();
        await dialog.GetByLabel("Opportunity name").FillAsync("Gießer – furnace");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Convert", Exact = true }).ClickAsync();

        await Expect(page.GetByText("Converted on")).ToBeVisibleAsync();
        var opportunity = page.GetByRole(AriaRole.Link, new() { Name = "Opportunity", Exact = true });
        await Expect(opportunity).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/opportunities/[0-9a-f-]{36}$"));
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gießerei Gießer KG", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Greta Gießer", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LeadSettingsAndNewLeadForm_AdminAddsRule_NewLeadGoesToRuleUser()
    {
        var admin = await app.CreateTenantWithUserAsync("Rita", "Regel");
        var page = await app.SignedInPageAsync(admin.Email);
        await page.GotoAsync(new Uri(app.BaseAddress, "admin/leads").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lead settings", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("/forms/lead/")).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByLabel("Name", new() { Exact = true }).First.FillAsync("Industry to Rita");
        await page.GetByLabel("Segment is", new() { Exact = true }).FillAsync("Industrie");
        await page.GetByLabel("Assign to user", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Rita Regel" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save rule", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Segment Industrie", Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "leads/new").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New lead", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync("Industriell");
        await page.GetByLabel("Segment", new() { Exact = true }).FillAsync("Industrie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Industriell", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("dd").GetByText("Rita Regel", new() { Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }
}
