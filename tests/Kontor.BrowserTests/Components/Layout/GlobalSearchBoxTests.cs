using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;

namespace Kontor.BrowserTests.Components.Layout;

/// <summary>The search box in the app bar: typed with a typo, chosen by keyboard, opened.</summary>
public sealed class GlobalSearchBoxTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task SearchBox_MisspeltContactName_EnterOpensTheContact()
    {
        var user = await app.CreateTenantWithUserAsync("Sven", "Suche");
        var contactId = Guid.Empty;
        await app.InTenantAsync(user.TenantId, async db =>
        {
            var account = new Account(new AccountFields(
                "Schwarzwald Werkzeug GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, user.Id, null, null));
            db.Accounts.Add(account);
            var contact = new Contact(new ContactFields(
                Salutation.Ms, null, "Katharina", "Schmidt", null, "k.schmidt@schwarzwald.example", null, null, null, account.Id, user.Id, null));
            db.Contacts.Add(contact);
            db.Contacts.Add(new Contact(new ContactFields(Salutation.Mr, null, "Konrad", "Weber", null, null, null, null, null, null, user.Id, null)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            contactId = contact.Id;
        });
        var page = await SignedInAsync(user);

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search accounts and contacts" });
        await box.PressSequentiallyAsync("Schmitd");
        await Expect(box).ToHaveValueAsync("Schmitd");
        var results = page.GetByRole(AriaRole.Listbox, new() { Name = "Search results" });
        var contactGroup = results.GetByRole(AriaRole.Group, new() { Name = "Contacts" });
        await Expect(contactGroup.GetByRole(AriaRole.Option, new() { Name = "Katharina Schmidt" })).ToBeVisibleAsync();
        await Expect(results.GetByRole(AriaRole.Option, new() { Name = "Konrad Weber" })).ToHaveCountAsync(0);
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(app.UrlOf($"contacts/{contactId}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Katharina Schmidt", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }

    [Fact]
    public async Task SearchBox_ArrowKeysAndEscape_MoveAndClose_ShowAllOpensTheResultsPage()
    {
        var user = await app.CreateTenantWithUserAsync("Sina", "Suche");
        await app.InTenantAsync(user.TenantId, async db =>
        {
            db.Accounts.Add(new Account(new AccountFields(
                "Bäckerei Becker", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, user.Id, null, null)));
            db.Contacts.Add(new Contact(new ContactFields(Salutation.Mr, null, "Bernd", "Becker", null, null, null, null, null, null, user.Id, null)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var page = await SignedInAsync(user);
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search accounts and contacts" });

        await box.PressSequentiallyAsync("Becker");
        await Expect(box).ToHaveValueAsync("Becker");
        var results = page.GetByRole(AriaRole.Listbox, new() { Name = "Search results" });
        await Expect(results.GetByRole(AriaRole.Option, new() { Name = "Bernd Becker" })).ToBeVisibleAsync();
        await Expect(results.GetByRole(AriaRole.Option, new() { Name = "Bäckerei Becker" })).ToBeVisibleAsync();

        // The best match is highlighted first; down past the last result lands on "show all results".
        var account = results.GetByRole(AriaRole.Option, new() { Name = "Bäckerei Becker" });
        var contact = results.GetByRole(AriaRole.Option, new() { Name = "Bernd Becker" });
        var showAll = results.GetByRole(AriaRole.Option, new() { Name = "Show all results for \"Becker\"" });
        await Expect(account).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("ArrowDown");
        await Expect(contact).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(account).ToHaveAttributeAsync("aria-selected", "false");
        await box.PressAsync("ArrowDown");
        await Expect(showAll).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await showAll.GetAttributeAsync("id"))!);

        await box.PressAsync("Escape");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(results).ToBeHiddenAsync();

        await box.PressAsync("ArrowUp");
        await Expect(showAll).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(app.UrlOf("search?q=Becker"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts (1)", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contacts (1)", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bernd Becker", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }

    /// <summary>
    /// The signed-in home page once the router has authorized it: while the circuit resolves the user, the layout is
    /// rendered around an "authorizing" placeholder and then replaced, which would swallow keys typed into the app bar.
    /// </summary>
    private async Task<IPage> SignedInAsync(BrowserUser user)
    {
        var page = await app.SignedInPageAsync(user.Email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {user.DisplayName}");
        return page;
    }
}
