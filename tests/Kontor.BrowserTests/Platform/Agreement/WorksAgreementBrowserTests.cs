using System.Text.RegularExpressions;
using Kontor.BrowserTests.Infrastructure;
using Kontor.Platform.Access;

namespace Kontor.BrowserTests.Platform.Agreement;

/// <summary>An administrator proposes a works agreement with the help of the checker; the works council approves it and it is in force.</summary>
public sealed class WorksAgreementBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    private const string Agreement = """
        agreement: "BV CRM 2027"
        purposes:
          - key: team-steering
          - key: own-performance
        categories:
          - key: revenue-per-owner
            purposes: [team-steering, own-performance]
            individual: [self, direct-manager]
            min-group-size: 3
            retention: P2Y
        approval: [employer, works-council]
        """;

    [Fact]
    public async Task AdminProposes_WorksCouncilApproves_VersionIsInForce()
    {
        var admin = await app.CreateTenantWithUserAsync("Anna", "Admin");
        var council = await app.CreateUserAsync(admin.TenantId, "Bettina", "Rath", Roles.WorksCouncil);

        var page = await app.SignedInPageAsync(admin.Email);
        await page.GotoAsync("works-agreement");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Strict default", Level = 2 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Propose a new version" }).ClickAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);

        var editor = page.GetByLabel("Agreement (YAML)", new() { Exact = true });
        await Expect(editor).ToHaveValueAsync(new Regex("Strict default"));
        await editor.FillAsync(Agreement.Replace("P2Y", "two years", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Line 10, column 16:")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await editor.FillAsync(Agreement);
        await page.GetByLabel("What changes and why", new() { Exact = true }).FillAsync("Direct managers see revenue per owner.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Version 1: BV CRM 2027", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve for the employer", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Approved. The other party's approval is still needed.")).ToBeVisibleAsync();

        var councilPage = await app.SignedInPageAsync(council.Email);
        await councilPage.GotoAsync("works-agreement/versions/1");
        await KontorBrowserApp.WaitForInteractivityAsync(councilPage);
        await Expect(councilPage.Locator("tr.kontor-diff-inserted").Filter(new() { HasText = "min-group-size: 3" })).ToBeVisibleAsync();
        await Expect(councilPage.GetByText("Direct managers see revenue per owner.")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(councilPage);
        await councilPage.GetByRole(AriaRole.Button, new() { Name = "Approve for the works council", Exact = true }).ClickAsync();
        await Expect(councilPage.GetByText("Approved. The version is now in force.")).ToBeVisibleAsync();

        await councilPage.GotoAsync("works-agreement");
        await Expect(councilPage.GetByRole(AriaRole.Heading, new() { Name = "BV CRM 2027, version 1", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(councilPage);
    }
}
