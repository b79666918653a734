using System.Security.Claims;
using Kontor.BrowserTests.Infrastructure;
using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Agreement.Gate;
using Kontor.Platform.Agreement.Versions;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.BrowserTests.Platform.Agreement;

/// <summary>A team lead reads an agent's revenue for a declared purpose; the agent sees it under "Who saw my data", the works council in its access log.</summary>
public sealed class AccessLogBrowserTests(KontorBrowserApp app) : IClassFixture<KontorBrowserApp>
{
    private const string Agreement = """
        agreement: "BV CRM 2027"
        purposes:
          - key: team-steering
        categories:
          - key: revenue-per-owner
            purposes: [team-steering]
            individual: [self, direct-manager]
            min-group-size: 3
            retention: P2Y
        approval: [employer, works-council]
        """;

    [Fact]
    public async Task AccessByTheTeamLead_IsShownToTheAgent_AndToTheWorksCouncil()
    {
        var admin = await app.CreateTenantWithUserAsync("Anna", "Admin");
        var council = await app.CreateUserAsync(admin.TenantId, "Bettina", "Rath", Roles.WorksCouncil);
        var lead = await app.CreateUserAsync(admin.TenantId, "Lars", "Lead", Roles.TeamLead);
        var agent = await app.CreateUserAsync(admin.TenantId, "Ali", "Agent", Roles.SalesRep);
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == agent.Id, TestContext.Current.CancellationToken)).ManagerId = lead.Id;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        await AsAsync(admin, (services, user) => ProposeAgreement.ExecuteAsync(
            new AgreementTextRequest { Text = Agreement }, services.GetRequiredService<KontorDb>(), user, services.GetRequiredService<AuditTrail>(), TestContext.Current.CancellationToken));
        await AsAsync(admin, (services, user) => Approve(services, user, AgreementParty.Employer));
        await AsAsync(council, (services, user) => Approve(services, user, AgreementParty.WorksCouncil));
        var decisions = await AsAsync(lead, (services, user) => services.GetRequiredService<EmployeeDataGate>().ReadIndividualAsync(
            services.GetRequiredService<KontorDb>(), user, EmployeeDataCategories.RevenuePerOwner, [agent.Id], "team-steering", TestContext.Current.CancellationToken));
        Assert.True(decisions[agent.Id].IsAllowed);

        var agentPage = await app.SignedInPageAsync(agent.Email);
        await agentPage.GotoAsync("profile/data-access");
        var row = agentPage.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lars Lead" });
        await Expect(row).ToContainTextAsync("Revenue per owner");
        await Expect(row).ToContainTextAsync("team-steering");
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(agentPage);

        var councilPage = await app.SignedInPageAsync(council.Email);
        await councilPage.GotoAsync("works-agreement/access-log");
        await Expect(councilPage.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ali Agent" })).ToContainTextAsync("Lars Lead");
        await Expect(councilPage.GetByText("Individual reads: 1. Changes of the agreement: 3.")).ToBeVisibleAsync();
        await KontorBrowserApp.AssertNoSeriousAxeViolationsAsync(councilPage);
    }

    private static Task<AgreementVersionResponse?> Approve(IServiceProvider services, CurrentUser user, AgreementParty party) =>
        ApproveAgreement.ExecuteAsync(1, new AgreementDecisionRequest { Party = party }, services.GetRequiredService<KontorDb>(), user, services.GetRequiredService<AuditTrail>(), TestContext.Current.CancellationToken);

    /// <summary>Runs work signed in as a user, the way their web UI circuit would.</summary>
    private Task<T> AsAsync<T>(BrowserUser user, Func<IServiceProvider, CurrentUser, Task<T>> work) =>
        app.WithServicesAsync(async services =>
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(KontorClaims.Tenant, user.TenantId.ToString())], "Test"));
            Assert.True(await services.GetRequiredService<CurrentUserLoader>().LoadAsync(principal, Channel.Ui, TestContext.Current.CancellationToken));
            return await work(services, services.GetRequiredService<CurrentUser>());
        });
}
