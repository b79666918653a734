using Kontor.BrowserTests.Infrastructure;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Forecasts;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Pipelines;
using Kontor.Features.Sales.Targets;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.BrowserTests.Platform.Agreement;

/// <summary>
/// A team lead sees "fewer than 5" for a small team and an agent's figures only after declaring a purpose; the agent
/// sees that access under "Who saw my data", the works council in its access log.
/// </summary>
public sealed class AccessLogBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
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
            min-group-size: 5
            retention: P2Y
          - key: target-attainment
            purposes: [team-steering, own-performance]
            individual: [self, direct-manager]
            min-group-size: 5
            retention: P2Y
        rules:
          manager-visibility: direct-reports
          rankings: forbidden
          individual-access-needs-purpose: true
        approval: [employer, works-council]
        """;

    [Fact]
    public async Task TeamLead_SeesFewerThanFive_ThenTheAgentsFigureAfterDeclaringAPurpose_WhichTheAgentAndTheCouncilSee()
    {
        var admin = await app.CreateTenantWithUserAsync("Anna", "Admin");
        var council = await app.CreateUserAsync(admin.TenantId, "Bettina", "Rath", Roles.WorksCouncil);
        var lead = await app.CreateUserAsync(admin.TenantId, "Lars", "Lead", Roles.TeamLead);
        var agent = await app.CreateUserAsync(admin.TenantId, "Ali", "Agent", Roles.SalesRep);
        var ct = TestContext.Current.CancellationToken;
        var now = DateTimeOffset.UtcNow;
        var quarter = SalesPeriod.Containing(DateOnly.FromDateTime(now.UtcDateTime), PeriodKind.Quarter);
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == agent.Id, ct)).ManagerId = lead.Id;
            var team = new Team("Nord", TeamKind.FieldSales, null, null);
            db.Teams.Add(team);
            db.TeamMembers.Add(new TeamMember(team.Id, lead.Id));
            db.TeamMembers.Add(new TeamMember(team.Id, agent.Id));
            var account = new Account(new AccountFields(
                "Brandt Logistik GmbH", null, null, null, null, null, null, PostalAddress.Empty, PostalAddress.Empty, null, agent.Id, null, null));
            db.Accounts.Add(account);
            var pipeline = await DefaultPipeline.GetOrCreateAsync(db, ct);
            db.Opportunities.Add(new Opportunity(
                new OpportunityFields("Hydraulic press", account.Id, agent.Id, null, 4_321_00, "EUR", null, null, null, null, null, null),
                pipeline, pipeline.Stages.Single(s => s.Outcome == StageOutcome.Won), agent.Id, now));
            db.SalesTargets.Add(new SalesTarget(SubjectKind.User, agent.Id, quarter, 10_000_00, "EUR", lead.Id, now));
            await db.SaveChangesAsync(ct);
        });
        await app.PutAgreementInForceAsync(admin, council, Agreement);

        var leadPage = await app.SignedInPageAsync(lead.Email);
        await leadPage.GotoAsync("reports/sales");
        await KontorBrowserApp.WaitForInteractivityAsync(leadPage);
        await leadPage.GetByLabel("Whose figures", new() { Exact = true }).ClickAsync();
        await leadPage.GetByRole(AriaRole.Option, new() { Name = "Team Nord" }).ClickAsync();
        var targets = leadPage.GetByRole(AriaRole.Region, new() { Name = "Target vs actual", Exact = true });
        var agentRow = targets.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ali Agent" });
        await Expect(agentRow).ToContainTextAsync("fewer than 5");
        await Expect(leadPage.GetByRole(AriaRole.Region, new() { Name = "Forecast by period", Exact = true }).GetByRole(AriaRole.Row).Nth(1))
            .ToContainTextAsync("fewer than 5");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(leadPage);

        await leadPage.GetByRole(AriaRole.Button, new() { Name = "Declare a purpose" }).ClickAsync();
        var dialog = leadPage.GetByRole(AriaRole.Dialog);
        await dialog.GetByText("team-steering", new() { Exact = true }).ClickAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(leadPage);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await Expect(agentRow).ToContainTextAsync("4,321.00");
        await Expect(leadPage.GetByText("Declared purpose: team-steering.")).ToBeVisibleAsync();

        var agentPage = await app.SignedInPageAsync(agent.Email);
        await agentPage.GotoAsync("profile/data-access");
        var row = agentPage.GetByRole(AriaRole.Row).Filter(new() { HasText = "Target attainment" });
        await Expect(row).ToContainTextAsync("Lars Lead");
        await Expect(row).ToContainTextAsync("team-steering");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(agentPage);

        var councilPage = await app.SignedInPageAsync(council.Email);
        await councilPage.GotoAsync("works-agreement/access-log");
        await Expect(councilPage.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ali Agent" }).First).ToContainTextAsync("Lars Lead");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(councilPage);
    }
}
