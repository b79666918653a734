using System.Text;
using System.Text.RegularExpressions;
using Kontor.BrowserTests.Infrastructure;

namespace Kontor.BrowserTests.Features.Integration;

/// <summary>The import of a customer list as German Excel saves it: semicolons, Windows-1252, one bad row.</summary>
public sealed partial class ImportWizardTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    [Fact]
    public async Task Wizard_GermanExcelCsvWithOneBadRow_CompletesWithOneRejectedAndShowsTheReport()
    {
        var user = await app.CreateTenantWithUserAsync("Ingrid", "Import");
        var page = await app.SignedInPageAsync(user.Email);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Imports", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Imports", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("No imports yet.")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "New import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New import", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "Firma;Straße;PLZ;Ort;E-Mail\r\n"
            + "Müller & Söhne GmbH;Hauptstraße 1;80331;München;info@mueller.example\r\n"
            + "Bäckerei Groß;Weißer Weg 2;50667;Köln;kein-mail\r\n"
            + "Schäfer KG;Am Wald 3;01067;Dresden;\r\n";
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "kunden.csv", MimeType = "text/csv", Buffer = Encoding.GetEncoding(1252).GetBytes(csv) });

        await Expect(page.GetByText("Columns found: Firma, Straße, PLZ, Ort, E-Mail")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview first 20 rows" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Bäckerei Groß" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Enter an e-mail address like name@example.com.")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Start import" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ImportUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "kunden.csv", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("committed")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("rejected")).ToHaveTextAsync("1");
        var report = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Enter an e-mail address like name@example.com." });
        await Expect(report.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["3", "E-Mail", "Enter an e-mail address like name@example.com."]);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download error report (CSV)" })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Müller & Söhne GmbH", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Schäfer KG", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Bäckerei Groß")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/imports/[0-9a-f-]{36}$")]
    private static partial Regex ImportUrl();
}
