using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Demo;
using Kontor.Platform.Data;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.BrowserTests.Features.Customers;

public sealed class AccountListTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    /// <summary>
    /// A folder to write the README's screenshot of the accounts list into; unset, none is written. Refresh it with
    /// <c>KONTOR_DOCS_IMAGES=$PWD/docs/images ./test.sh browser -class '*AccountListTests'</c>.
    /// </summary>
    private static readonly string? DocsImages = Environment.GetEnvironmentVariable("KONTOR_DOCS_IMAGES");

    [Fact]
    public async Task List_OfDemoTenant_PagesThroughTwoHundredAccountsTwentyFiveAtATime()
    {
        var expectedFirstPage = await app.WithServicesAsync(async services =>
        {
            await DemoTenant.LoadAsync(services, TestContext.Current.CancellationToken);
            using var system = services.GetRequiredService<SystemScope>().Enter("test: English admin, expected order");
            var db = services.GetRequiredService<KontorDb>();

            // The demo users work in German; this test (and the README's screenshot) reads the English UI.
            await db.Users.Where(u => u.Email == "admin@demo.kontor").ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, "en-GB"));
            return await db.Accounts
                .OrderBy(a => a.SortName).ThenBy(a => a.Id).Take(25).Select(a => a.Name).ToListAsync();
        });
        var page = await app.SignedInPageAsync("admin@demo.kontor", DemoTenant.Password, width: 1280, height: 900);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();

        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link);
        await Expect(pager).ToContainTextAsync($"1–25 of {DemoTenant.AccountCount}");
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Owner", Exact = true })).ToBeVisibleAsync();
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Previous page" })).ToBeDisabledAsync();
        var firstPage = await rows.AllInnerTextsAsync();
        Assert.Equal(expectedFirstPage, firstPage);
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        if (!string.IsNullOrEmpty(DocsImages))
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(DocsImages, "accounts.png") });
        }

        await pager.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(pager).ToContainTextAsync($"26–50 of {DemoTenant.AccountCount}");
        await Expect(rows).ToHaveCountAsync(25);
        Assert.Empty((await rows.AllInnerTextsAsync()).Intersect(firstPage));

        await pager.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Expect(pager).ToContainTextAsync($"1–25 of {DemoTenant.AccountCount}");
        Assert.Equal(firstPage, await rows.AllInnerTextsAsync());
    }
}
