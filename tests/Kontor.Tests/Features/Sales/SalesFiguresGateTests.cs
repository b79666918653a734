using System.Net;
using System.Text.Json;
using Kontor.Features.Sales.Forecasts;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales;

/// <summary>
/// Forecasts, targets and reports through the works-agreement gate: what a team lead gets under the strict default and
/// under an agreement that admits direct managers for a declared purpose, and that no subtraction recovers a hidden value.
/// </summary>
public sealed class SalesFiguresGateTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    /// <summary>Direct managers see their reports' revenue and targets for team steering, after declaring it; groups of at least 3.</summary>
    private const string DirectManagersWithPurpose = """
        agreement: "BV Vertrieb"
        version: 1
        purposes:
          - key: team-steering
          - key: own-performance
        categories:
          - key: revenue-per-owner
            purposes: [team-steering, own-performance]
            individual: [self, direct-manager]
            min-group-size: 3
            retention: P30Y
          - key: target-attainment
            purposes: [team-steering, own-performance]
            individual: [self, direct-manager]
            min-group-size: 3
            retention: P30Y
        rules:
          manager-visibility: direct-reports
          rankings: forbidden
          individual-access-needs-purpose: true
        approval: [employer, works-council]
        """;

    [Fact]
    public async Task StrictDefault_SmallTeam_ShowsFewerThanFive_AndOnlyTheLeadsOwnLine()
    {
        var (lead, reps, team, account) = await TeamAsync(2);
        await app.AddOpportunityAsync(lead.TenantId, lead.Id, account, 30, 500, closeDate: new DateOnly(2026, 3, 1));

        var forecast = await lead.Client.GetJsonAsync($"/api/forecasts?period=2026-Q1&team={team}");
        var single = await lead.Client.GetJsonAsync($"/api/forecasts?period=2026-Q1&user={reps[0].Id}");
        var own = await reps[0].Client.GetJsonAsync("/api/forecasts?period=2026-Q1&user=me");

        Assert.Empty(forecast.GetProperty("currencies").EnumerateArray());
        var withheld = forecast.GetProperty("withheld");
        Assert.Equal((5, 2, true, false), (withheld.GetProperty("minGroupSize").GetInt32(), withheld.GetProperty("peopleHidden").GetInt32(),
            withheld.GetProperty("totalHidden").GetBoolean(), withheld.GetProperty("purposeRequired").GetBoolean()));
        Assert.Equal([lead.Id], forecast.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("ownerId").GetGuid()));
        Assert.Empty(single.GetProperty("currencies").EnumerateArray());
        Assert.True(single.GetProperty("withheld").GetProperty("totalHidden").GetBoolean());
        Assert.Equal(1_000, Assert.Single(own.GetProperty("currencies").EnumerateArray()).GetProperty("commit").GetInt64());
        Assert.Equal(JsonValueKind.Null, own.GetProperty("withheld").ValueKind);
        Assert.Empty((await reps[0].Client.GetJsonAsync("/api/profile/data-access")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task StrictDefault_TeamOfSix_ShowsItsTotal_ButNotATeamThatDiffersByOnePersonRightAfter()
    {
        var (lead, reps, team, account) = await TeamAsync(5);
        var sixth = await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep]);
        await app.AddOpportunityAsync(lead.TenantId, sixth.Id, account, 40, 7_000, closeDate: new DateOnly(2026, 2, 1));
        var larger = await app.CreateTeamAsync(lead.TenantId, TeamKind.FieldSales, [lead.Id, sixth.Id, .. reps.Select(r => r.Id)]);

        var whole = await lead.Client.GetJsonAsync($"/api/forecasts?period=2026-Q1&team={team}");
        var plusOne = await lead.Client.GetJsonAsync($"/api/forecasts?period=2026-Q1&team={larger}");

        Assert.Equal(5_000, Assert.Single(whole.GetProperty("currencies").EnumerateArray()).GetProperty("commit").GetInt64());
        Assert.False(whole.GetProperty("withheld").GetProperty("totalHidden").GetBoolean());

        // Six hidden people are enough on their own, but minus the five seen just before they reveal the sixth's 7,000.
        Assert.Empty(plusOne.GetProperty("currencies").EnumerateArray());
        Assert.True(plusOne.GetProperty("withheld").GetProperty("totalHidden").GetBoolean());
    }

    [Fact]
    public async Task DirectManager_SeesNamedValues_OnlyAfterDeclaringAPurpose_AndTheAccessIsLogged()
    {
        var (lead, reps, team, _) = await TeamAsync(2, reportToLead: true);
        await app.PutAgreementInForceAsync(lead.TenantId, lead.Id, DirectManagersWithPurpose);

        var without = await lead.Client.GetJsonAsync($"/api/forecasts?period=2026-Q1&team={team}");
        var withPurpose = await lead.Client.GetJsonAsync($"/api/forecasts?period=2026-Q1&team={team}&purpose=team-steering");
        var wrongPurpose = await lead.Client.GetJsonAsync($"/api/forecasts?period=2026-Q1&team={team}&purpose=own-performance-review");

        Assert.True(without.GetProperty("withheld").GetProperty("purposeRequired").GetBoolean());
        Assert.Equal(["team-steering", "own-performance"], without.GetProperty("withheld").GetProperty("purposes").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(without.GetProperty("currencies").EnumerateArray());
        Assert.Equal(
            new[] { reps[0].Id, reps[1].Id }.Order(),
            withPurpose.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("ownerId").GetGuid()).Order());
        Assert.Equal(2_000, Assert.Single(withPurpose.GetProperty("currencies").EnumerateArray()).GetProperty("commit").GetInt64());
        Assert.Equal(JsonValueKind.Null, withPurpose.GetProperty("withheld").ValueKind);
        Assert.Empty(wrongPurpose.GetProperty("owners").EnumerateArray());

        foreach (var rep in reps)
        {
            var access = Assert.Single((await rep.Client.GetJsonAsync("/api/profile/data-access")).GetProperty("items").EnumerateArray());
            Assert.Equal((lead.Id, "revenue-per-owner", "team-steering"), (access.GetProperty("readerId").GetGuid(), access.Str("category"), access.Str("purpose")));
        }
    }

    [Fact]
    public async Task Targets_WithholdActuals_UntilAPurposeIsDeclared_ButStayListedForWhoSetsThem()
    {
        var (lead, reps, team, _) = await TeamAsync(2, reportToLead: true);
        await app.PutAgreementInForceAsync(lead.TenantId, lead.Id, DirectManagersWithPurpose);
        var target = (await lead.Client.PostJsonAsync("/api/targets", new { userId = reps[0].Id, period = "2026-Q1", amount = 10_000, currency = "EUR" })
            .ExpectAsync(HttpStatusCode.Created)).Id();

        var without = await lead.Client.GetJsonAsync($"/api/targets?period=2026-Q1&team={team}");
        var withPurpose = await lead.Client.GetJsonAsync($"/api/targets?period=2026-Q1&team={team}&purpose=team-steering");
        var own = await reps[0].Client.GetJsonAsync("/api/targets?period=2026-Q1&user=me");

        var hidden = Assert.Single(without.GetProperty("items").EnumerateArray());
        Assert.Equal((target, JsonValueKind.Null, JsonValueKind.Null), (hidden.Id(), hidden.GetProperty("actual").ValueKind, hidden.GetProperty("attainmentPercent").ValueKind));
        Assert.True(without.GetProperty("withheld").GetProperty("purposeRequired").GetBoolean());
        Assert.Equal(0, Assert.Single(withPurpose.GetProperty("items").EnumerateArray()).GetProperty("actual").GetInt64());
        Assert.Equal(0, Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("actual").GetInt64());
    }

    [Fact]
    public async Task PipelineByStage_HidesASmallCell_AndASecondOne_SoTheTeamTotalRevealsNeither()
    {
        var (lead, reps, team, account) = await TeamAsync(5);

        // Five hidden reps have commit (Negotiation) deals; one of them also has a deal in Qualification.
        await app.AddOpportunityAsync(lead.TenantId, reps[0].Id, account, 10, 3_000);
        var report = await lead.Client.GetJsonAsync($"/api/reports/sales/pipeline-by-stage?team={team}");
        var csv = await (await lead.Client.FetchAsync($"/api/reports/sales/pipeline-by-stage?team={team}&format=csv")).Content.ReadAsStringAsync(Api.Ct);

        var rows = report.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r[3].ValueKind));
        Assert.Equal(2, report.GetProperty("withheld").GetProperty("cellsHidden").GetInt32());
        Assert.DoesNotContain(csv.Split('\n').Skip(1), line => line.Any(char.IsDigit));
    }

    [Fact]
    public async Task FiguresOfAPeriodPastTheRetentionPeriod_ShowOtherPeopleNoMore_ButTheirOwnerStill()
    {
        var (lead, reps, team, account) = await TeamAsync(2, reportToLead: true);
        await app.PutAgreementInForceAsync(lead.TenantId, lead.Id, DirectManagersWithPurpose.Replace("P30Y", "P90D", StringComparison.Ordinal));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var old = SalesPeriod.Containing(today.AddYears(-1), PeriodKind.Quarter);
        var current = SalesPeriod.Containing(today, PeriodKind.Quarter);
        foreach (var period in new[] { old, current })
        {
            await app.AddOpportunityAsync(lead.TenantId, reps[0].Id, account, 40, 9_000, closeDate: period.Start.AddDays(1));
        }

        var lastYear = await lead.Client.GetJsonAsync($"/api/forecasts?period={old.Key}&team={team}&purpose=team-steering");
        var now = await lead.Client.GetJsonAsync($"/api/forecasts?period={current.Key}&team={team}&purpose=team-steering");
        var own = await reps[0].Client.GetJsonAsync($"/api/forecasts?period={old.Key}&user=me");

        Assert.Empty(lastYear.GetProperty("owners").EnumerateArray());
        Assert.Equal(2, lastYear.GetProperty("withheld").GetProperty("peopleHidden").GetInt32());
        Assert.False(lastYear.GetProperty("withheld").GetProperty("purposeRequired").GetBoolean());
        Assert.Contains(reps[0].Id, now.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("ownerId").GetGuid()));
        Assert.Equal(9_000, Assert.Single(own.GetProperty("currencies").EnumerateArray()).GetProperty("commit").GetInt64());
    }

    [Fact]
    public async Task Ranking_OfOwnersByTheirFigures_IsRefusedWhereTheAgreementForbidsIt_AndOrdersThemWhereItAllows()
    {
        var (lead, reps, team, account) = await TeamAsync(2, reportToLead: true);
        await app.AddOpportunityAsync(lead.TenantId, reps[1].Id, account, 40, 5_000, closeDate: new DateOnly(2026, 2, 2));

        await lead.Client.FetchAsync($"/api/forecasts?period=2026-Q1&team={team}&sort=-commit").ProblemAsync(HttpStatusCode.BadRequest, "sort");
        await app.PutAgreementInForceAsync(lead.TenantId, lead.Id);
        var ranked = await lead.Client.GetJsonAsync($"/api/forecasts?period=2026-Q1&team={team}&sort=-commit");
        await lead.Client.FetchAsync($"/api/forecasts?period=2026-Q1&team={team}&sort=shoe-size").ProblemAsync(HttpStatusCode.BadRequest, "sort");

        Assert.Equal([reps[1].Id, reps[0].Id], ranked.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("ownerId").GetGuid()));
    }

    /// <summary>A team of a lead and <paramref name="count"/> reps, each rep with a 1,000 commit deal closing in February 2026.</summary>
    private async Task<(TestUser Lead, List<TestUser> Reps, Guid Team, Guid Account)> TeamAsync(int count, bool reportToLead = false)
    {
        var lead = await app.CreateTenantWithUserAsync("Gate", Roles.TeamLead);
        var reps = new List<TestUser>();
        for (var i = 0; i < count; i++)
        {
            reps.Add(await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep], reportToLead ? lead.Id : null));
        }

        var team = await app.CreateTeamAsync(lead.TenantId, TeamKind.FieldSales, [lead.Id, .. reps.Select(r => r.Id)]);
        var account = (await lead.Client.CreateAccountAsync("Acme")).Id();
        foreach (var rep in reps)
        {
            await app.AddOpportunityAsync(lead.TenantId, rep.Id, account, 40, 1_000, closeDate: new DateOnly(2026, 2, 1));
        }

        return (lead, reps, team, account);
    }
}
