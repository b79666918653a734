using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;

namespace Kontor.BrowserTests.Features.Customers;

/// <summary>A rep is warned about a duplicate, saves anyway, merges the two accounts and exports the list.</summary>
public sealed class DuplicatesAndExportBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task DuplicateWarning_SaveAnywayThenMergeThenExport_WorkEndToEnd()
    {
        var user = await app.CreateTenantWithUserAsync("Sabine", "Sommer");
        var existingId = Guid.Empty;
        await app.InTenantAsync(user.TenantId, async db =>
        {
            var existing = new Account(new AccountFields(
                "Müller Maschinenbau GmbH & Co. KG", "Maschinenbau", null, null, null, "+497111234560", null,
                new PostalAddress { PostalCode = "70173", City = "Stuttgart", Country = "DE" }, PostalAddress.Empty, null, user.Id, null, null));
            db.Accounts.Add(existing);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            existingId = existing.Id;
        });
        var page = await app.SignedInPageAsync(user.Email);

        // Warned before saving a look-alike, with a link to the existing account.
        await page.GotoAsync("accounts/new");
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Mueller Maschinenbau");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("0711 1234560");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var warning = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "This may be a duplicate" });
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Müller Maschinenbau GmbH & Co. KG" })).ToHaveAttributeAsync("href", $"/accounts/{existingId}");
        await Expect(warning).ToContainTextAsync("same phone number");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await warning.GetByRole(AriaRole.Button, new() { Name = "Save anyway", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mueller Maschinenbau", Level = 1 })).ToBeVisibleAsync();

        // Merged: the existing account goes into the new one, whose name gives way to the existing one's.
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Merge with…", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Merge accounts", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByLabel("Account to merge into this one", new() { Exact = true }).FillAsync("Müller");
        await page.GetByText("Müller Maschinenbau GmbH & Co. KG", new() { Exact = true }).ClickAsync();
        var takeOtherName = page.GetByRole(AriaRole.Radio, new() { Name = "Müller Maschinenbau GmbH & Co. KG" });
        await Expect(takeOtherName).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
        await takeOtherName.CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Müller Maschinenbau GmbH & Co. KG", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Maschinenbau", new() { Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync($"accounts/{existingId}");
        await Expect(page.GetByText("This account does not exist or you cannot see it.")).ToBeVisibleAsync();

        // Exported: the list's one account, as CSV for Excel.
        await page.GotoAsync("accounts");
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Export") }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Menuitem, new() { Name = "CSV for Excel (;)", Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("Id;External id;Name;", text, StringComparison.Ordinal);
        Assert.Contains("Müller Maschinenbau GmbH & Co. KG;Maschinenbau", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
