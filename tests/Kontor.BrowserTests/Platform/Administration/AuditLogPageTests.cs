using Kontor.BrowserTests.Infrastructure;
using Kontor.Platform.Access;

namespace Kontor.BrowserTests.Platform.Administration;

public sealed class AuditLogPageTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task AuditLog_OfAnAdministrator_ListsTheSignInAndVerifiesTheChain()
    {
        var admin = await app.CreateTenantWithUserAsync("Ada", "Admin", Roles.Admin);
        var page = await app.SignedInPageAsync(admin.Email);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Signed in" }).First).ToContainTextAsync("Web UI");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Verify chain" }).ClickAsync();
        await Expect(page.GetByText("The audit chain is intact")).ToBeVisibleAsync();
    }
}
