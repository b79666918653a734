using Kontor.BrowserTests.Infrastructure;

namespace Kontor.BrowserTests.Components.Layout;

public sealed class LanguageTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task SwitchLanguage_ToGerman_ShowsGermanNavigationAndKeepsIt()
    {
        var user = await app.CreateTenantWithUserAsync("Greta", "Grün");
        var page = await app.SignedInPageAsync(user.Email);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Language", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Deutsch", Exact = true }).ClickAsync();

        var german = page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" });
        await Expect(german.GetByRole(AriaRole.Link, new() { Name = "Startseite", Exact = true })).ToBeVisibleAsync();
        await Expect(german.GetByRole(AriaRole.Link, new() { Name = "Kontakte", Exact = true })).ToBeVisibleAsync();
        await Expect(german.GetByRole(AriaRole.Link, new() { Name = "Papierkorb", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Willkommen, Greta Grün");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true })).ToBeVisibleAsync();
        Assert.Equal("de", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        // The choice is the user's: a new session in another browser speaks German as well.
        var again = await app.SignedInPageAsync(user.Email);
        await Expect(again.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Startseite", Exact = true })).ToBeVisibleAsync();
    }
}
