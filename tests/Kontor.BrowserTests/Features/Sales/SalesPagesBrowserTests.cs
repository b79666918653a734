using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Identity;

namespace Kontor.BrowserTests.Features.Sales;

/// <summary>The sales reports, targets, visit week and upsell signal pages, used as people do.</summary>
public sealed class SalesPagesBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    /// <summary>Team leads see their members' pipelines and target attainment without declaring a purpose.</summary>
    private const string TeamLeadsSeeTheirTeams = """
        agreement: "BV Vertrieb"
        purposes:
          - key: team-steering
        categories:
          - key: pipeline-per-owner
            purposes: [team-steering]
            individual: [self, TeamLead]
            min-group-size: 3
            retention: P2Y
          - key: target-attainment
            purposes: [team-steering]
            individual: [self, TeamLead]
            min-group-size: 3
            retention: P2Y
        rules:
          individual-access-needs-purpose: false
        approval: [employer, works-council]
        """;

    [Fact]
    public async Task SalesReports_TeamLeadWithOpenDeals_SeesPipelineByStageAndExportsCsv()
    {
        var lead = await app.CreateTenantWithUserAsync("Lena", "Leiter", "TeamLead");
        var rep = await app.CreateUserAsync(lead.TenantId, "Rolf", "Reisender", "SalesRep");
        await app.PutAgreementInForceAsync(
            await app.CreateUserAsync(lead.TenantId, "Anna", "Admin"), await app.CreateUserAsync(lead.TenantId, "Bettina", "Rath", "WorksCouncil"), TeamLeadsSeeTheirTeams);
        await app.InTenantAsync(lead.TenantId, async db =>
        {
            var team = new Team("Nord", TeamKind.FieldSales, null, null);
            db.Teams.Add(team);
            db.TeamMembers.Add(new TeamMember(team.Id, lead.Id));
            db.TeamMembers.Add(new TeamMember(team.Id, rep.Id));
            var account = new Account(new AccountFields(
                "Brandt Logistik GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, rep.Id, null, null));
            db.Accounts.Add(account);
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, TestContext.Current.CancellationToken);
            db.Opportunities.Add(new Opportunity(
                new OpportunityFields("Hydraulic press", account.Id, rep.Id, null, 100_000, "EUR", null, null, null, null, null, null),
                pipeline, pipeline.FirstOpenStage(), rep.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await app.SignedInPageAsync(lead.Email);
        await page.GotoAsync(new Uri(app.BaseAddress, "reports/sales").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sales reports", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        foreach (var title in new[] { "Pipeline by stage", "Forecast by period", "Target vs actual", "Won and lost by reason" })
        {
            var report = page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });
            await Expect(report.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        }

        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByLabel("Whose figures", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Team Nord" }).ClickAsync();
        var pipelineByStage = page.GetByRole(AriaRole.Region, new() { Name = "Pipeline by stage", Exact = true });
        await Expect(pipelineByStage.GetByRole(AriaRole.Cell, new() { Name = "Qualifizierung", Exact = true })).ToBeVisibleAsync();
        await Expect(pipelineByStage.GetByRole(AriaRole.Cell, new() { Name = "1,000.00", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        var csvLink = page.GetByRole(AriaRole.Link, new() { Name = "Pipeline by stage as CSV", Exact = true });
        var href = await csvLink.GetAttributeAsync("href");
        Assert.Contains("team=", href, StringComparison.Ordinal);
        var csv = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("Qualifizierung", await csv.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Targets_TeamLeadSetsTeamTargetForThisQuarter_SeesItWithActualAndAttainment()
    {
        var lead = await app.CreateTenantWithUserAsync("Tina", "Teamleiterin", "TeamLead");
        var rep = await app.CreateUserAsync(lead.TenantId, "Sven", "Sales", "SalesRep");
        await app.PutAgreementInForceAsync(
            await app.CreateUserAsync(lead.TenantId, "Anna", "Admin"), await app.CreateUserAsync(lead.TenantId, "Bettina", "Rath", "WorksCouncil"), TeamLeadsSeeTheirTeams);
        await app.InTenantAsync(lead.TenantId, async db =>
        {
            var team = new Team("Süd", TeamKind.FieldSales, null, null);
            db.Teams.Add(team);
            db.TeamMembers.Add(new TeamMember(team.Id, lead.Id));
            db.TeamMembers.Add(new TeamMember(team.Id, rep.Id));
            var account = new Account(new AccountFields(
                "Keller Anlagenbau AG", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, rep.Id, null, null));
            db.Accounts.Add(account);
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, TestContext.Current.CancellationToken);
            var won = new Opportunity(
                new OpportunityFields("Turbine overhaul", account.Id, rep.Id, null, 250_000, "EUR", null, null, null, null, null, null),
                pipeline, pipeline.FirstOpenStage(), rep.Id, DateTimeOffset.UtcNow);
            won.MoveTo(pipeline.Stages.First(s => s.Outcome == StageOutcome.Won), rep.Id, DateTimeOffset.UtcNow);
            db.Opportunities.Add(won);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await app.SignedInPageAsync(lead.Email);
        await page.GotoAsync(new Uri(app.BaseAddress, "targets").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Targets", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set a target", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        var quarter = await page.GetByLabel("Period", new() { Exact = true }).First.InputValueAsync();
        Assert.Matches(@"^\d{4}-Q[1-4]$", quarter);
        await page.GetByLabel("For", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Team Süd" }).ClickAsync();
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("10000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save target", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Target saved.")).ToBeVisibleAsync();

        await page.GetByLabel("Whose targets", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Team Süd" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "Süd", Exact = true }) });
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = quarter, Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "10,000.00 EUR", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "2,500.00 EUR", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "25.0", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change target of Süd", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }

    [Fact]
    public async Task Visits_RepPlansVisitWithTheKeyboard_WeekViewShowsItPlanned()
    {
        var rep = await app.CreateTenantWithUserAsync("Viktor", "Vertrieb", "SalesRep");
        await app.InTenantAsync(rep.TenantId, async db =>
        {
            db.Accounts.Add(new Account(new AccountFields(
                "Gießerei Gießer KG", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, rep.Id, null, null)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await app.SignedInPageAsync(rep.Email);
        await page.GotoAsync(new Uri(app.BaseAddress, "visits").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My visits", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByText("Week of ")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        var planButton = page.GetByRole(AriaRole.Button, new() { Name = "Plan a visit", Exact = true });
        await planButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plan a visit", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        var account = page.GetByLabel("Account", new() { Exact = true });
        await account.FocusAsync();
        await page.Keyboard.TypeAsync("Gieß");
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Gießerei Gießer KG" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(account).ToHaveValueAsync("Gießerei Gießer KG");
        await page.GetByLabel("Subject", new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync("Casting line review");
        await page.GetByLabel("Location", new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync("Werk 2");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save visit", Exact = true });
        await save.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByText("Visit planned.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Casting line review")).ToBeVisibleAsync();
        await Expect(page.GetByText("Gießerei Gießer KG · Werk 2")).ToBeVisibleAsync();
        await Expect(page.GetByText("Planned", new() { Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        var report = page.GetByRole(AriaRole.Link, new() { Name = "Write report", Exact = true });
        await report.FocusAsync();
        await Expect(report).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/visits/[0-9a-f-]{36}/report$"));
    }

    [Fact]
    public async Task UpsellSignals_InsideSalesRaisesSignalOnAccount_SeesItListedAsOpen()
    {
        var fieldRep = await app.CreateTenantWithUserAsync("Frank", "Feld", "SalesRep");
        var inside = await app.CreateUserAsync(fieldRep.TenantId, "Ina", "Innendienst", "InsideSales");
        var accountId = Guid.Empty;
        await app.InTenantAsync(fieldRep.TenantId, async db =>
        {
            var team = new Team("Innendienst Mitte", TeamKind.InsideSales, null, null);
            db.Teams.Add(team);
            db.TeamMembers.Add(new TeamMember(team.Id, inside.Id));
            var account = new Account(new AccountFields(
                "Bäckerei Becker", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, fieldRep.Id, team.Id, null));
            db.Accounts.Add(account);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            accountId = account.Id;
        });

        var page = await app.SignedInPageAsync(inside.Email);
        await page.GotoAsync(new Uri(app.BaseAddress, $"accounts/{accountId}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upsell signals", Level = 2 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await page.GetByLabel("What does the customer ask for?", new() { Exact = true }).FillAsync("Second oven for the new branch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise upsell signal", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Upsell signal raised; the field owner has a follow-up task.")).ToBeVisibleAsync();
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Upsell signals", Exact = true });
        await Expect(section.GetByRole(AriaRole.Cell, new() { Name = "Second oven for the new branch", Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "upsell-signals").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My signals", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "Second oven for the new branch", Exact = true }) });
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Bäckerei Becker", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Ina Innendienst", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Frank Feld", Exact = true })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Open", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);
    }

    [Fact]
    public async Task TaxRates_AdminAddsChangesAndDeletesRate_ListShowsEachState()
    {
        var admin = await app.CreateTenantWithUserAsync("Tara", "Tax");
        var page = await app.SignedInPageAsync(admin.Email);
        await page.GotoAsync(new Uri(app.BaseAddress, "admin/tax-rates").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tax rates", Level = 1 })).ToBeVisibleAsync();
        await KontorBrowserApp.WaitForInteractivityAsync(page);
        await Expect(page.GetByText("The tenant has no own rates; the built-in rates apply.")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByLabel("Country (ISO code)", new() { Exact = true }).FillAsync("fr");
        await page.GetByLabel("Tax class", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Reduced", Exact = true }).ClickAsync();
        await page.GetByLabel("Rate (%)", new() { Exact = true }).FillAsync("5.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save rate", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Saved the rate of FR.")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "FR", Exact = true }) });
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "5.5", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Change FR Reduced", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change tax rate", Level = 2 })).ToBeVisibleAsync();
        await page.GetByLabel("Rate (%)", new() { Exact = true }).FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save rate", Exact = true }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "10", Exact = true })).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete FR Reduced", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(page.GetByText("The tenant has no own rates; the built-in rates apply.")).ToBeVisibleAsync();
    }
}
