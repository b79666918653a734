using Kontor.BrowserTests.Infrastructure;
using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Retention;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task AuditLog_AfterLoginHistoryRetention_ShowsTheSignInWithoutItsUser_AndTheChainIntact()
    {
        var admin = await app.CreateTenantWithUserAsync("Ada", "Admin", Roles.Admin);
        var page = await app.SignedInPageAsync(admin.Email);
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var source = app.Services.GetServices<IRetentionSource>().Single(s => s.Key == "login-history");
            await source.ApplyAsync(new RetentionContext(db, db.Clock.GetUtcNow().AddDays(91), DryRun: false, AgreementDefaults.Document), TestContext.Current.CancellationToken);
        });

        await page.GotoAsync("admin/audit-log");

        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Signed in" }).First).ToContainTextAsync("removed after retention");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Personal data removed after retention" }).First).ToContainTextAsync("login-history");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify chain" }).ClickAsync();
        await Expect(page.GetByText("The audit chain is intact")).ToBeVisibleAsync();
        await Expect(page.GetByText("had personal data removed after retention")).ToBeVisibleAsync();
    }
}
