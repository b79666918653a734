using Kontor.BrowserTests.Infrastructure;
using Kontor.Platform.Access;

namespace Kontor.BrowserTests.Features.Customers;

public sealed class AccountListTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    /// <summary>
    /// A folder to write the README's screenshot of the accounts list into; unset, none is written. Refresh it with
    /// <c>KONTOR_DOCS_IMAGES=$PWD/docs/images ./test.sh browser -class '*AccountListTests'</c>.
    /// </summary>
    private static readonly string? DocsImages = Environment.GetEnvironmentVariable("KONTOR_DOCS_IMAGES");

    [Fact]
    public async Task List_WithSixtyAccounts_PagesThroughThemTwentyFiveAtATime()
    {
        var admin = await app.CreateTenantWithUserAsync("Andrea", "Adler");
        Guid[] owners =
        [
            (await app.CreateUserAsync(admin.TenantId, "Sabine", "Sommer", Roles.SalesRep)).Id,
            (await app.CreateUserAsync(admin.TenantId, "Markus", "Berger", Roles.SalesRep)).Id,
            (await app.CreateUserAsync(admin.TenantId, "Julia", "Nowak", Roles.SalesRep)).Id,
            admin.Id,
        ];
        var names = await DemoLikeData.AddAccountsAsync(app, admin.TenantId, owners, 60);
        var page = await app.SignedInPageAsync(admin.Email, width: 1280, height: 900);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();

        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link);
        await Expect(pager).ToContainTextAsync("1–25 of 60");
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Owner", Exact = true })).ToBeVisibleAsync();
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Previous page" })).ToBeDisabledAsync();
        Assert.All(await rows.AllInnerTextsAsync(), name => Assert.Contains(name, names));
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        if (!string.IsNullOrEmpty(DocsImages))
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(DocsImages, "accounts.png") });
        }

        var firstPage = await rows.AllInnerTextsAsync();
        await pager.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(pager).ToContainTextAsync("26–50 of 60");
        await Expect(rows).ToHaveCountAsync(25);
        Assert.Empty((await rows.AllInnerTextsAsync()).Intersect(firstPage));

        await pager.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(pager).ToContainTextAsync("51–60 of 60");
        await Expect(rows).ToHaveCountAsync(10);
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();

        await pager.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Expect(pager).ToContainTextAsync("26–50 of 60");
    }
}
