using Kontor.BrowserTests.Infrastructure;

namespace Kontor.BrowserTests.Features.Customers;

/// <summary>The everyday round of a sales rep: create an account, add a contact, find it again, change it, in German too.</summary>
public sealed class CustomerFlowTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task AccountAndContact_CreateFindEditInGerman_WorkEndToEnd()
    {
        var user = await app.CreateTenantWithUserAsync("Sabine", "Sommer");
        var page = await app.SignedInPageAsync(user.Email);
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

        // An account.
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.UrlOf("accounts"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("No accounts yet.")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "New account", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New account", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Schwäbische Präzision GmbH");
        await page.GetByLabel("Industry", new() { Exact = true }).FillAsync("Maschinenbau");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("+49 711 1234560");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Schwäbische Präzision GmbH", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accounts/[0-9a-f-]{36}$"));
        await Expect(page.GetByText("Maschinenbau", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("No contacts at this account yet.")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        var accountUrl = page.Url;

        // A contact at that account.
        await page.GetByRole(AriaRole.Link, new() { Name = "New contact", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New contact", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Account", new() { Exact = true })).ToHaveValueAsync("Schwäbische Präzision GmbH");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByLabel("First name", new() { Exact = true }).FillAsync("Jürgen");
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync("Kästner");
        await page.GetByLabel("Job title", new() { Exact = true }).FillAsync("Einkaufsleiter");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("j.kaestner@praezision.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jürgen Kästner", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Schwäbische Präzision GmbH" }).First).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GotoAsync(accountUrl);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Contacts (1)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jürgen Kästner", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);

        // Found again by search, with and without a match.
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Contacts", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contacts", Level = 1 })).ToBeVisibleAsync();
        var search = page.GetByRole(AriaRole.Search).GetByLabel("Search", new() { Exact = true });
        await search.FillAsync("Meier");
        await Expect(page.GetByText("No contact matches your search.")).ToBeVisibleAsync();
        await search.FillAsync("Kästner");
        var found = page.GetByRole(AriaRole.Link, new() { Name = "Jürgen Kästner", Exact = true });
        await Expect(found).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        // Changed.
        await found.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit contact", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Last name", new() { Exact = true })).ToHaveValueAsync("Kästner");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await page.GetByLabel("Job title", new() { Exact = true }).FillAsync("Leiter Einkauf und Logistik");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jürgen Kästner", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Leiter Einkauf und Logistik", new() { Exact = true })).ToBeVisibleAsync();

        // The same page in German.
        await page.GetByRole(AriaRole.Button, new() { Name = "Language", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Deutsch", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bearbeiten", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Löschen", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Position", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Leiter Einkauf und Logistik", new() { Exact = true })).ToBeVisibleAsync();
        var german = page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" });
        await Expect(german.GetByRole(AriaRole.Link, new() { Name = "Kontakte", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await german.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Neuer Account", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Ort", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Schwäbische Präzision GmbH", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }
}
