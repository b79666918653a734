using System.Net;
using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Agreement.Gate;
using Kontor.Platform.Data;
using Kontor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Agreement;

/// <summary>The gate as features use it: decisions from the agreement in force and the reader's region, the access log, and suppression across queries.</summary>
public sealed class EmployeeDataGateTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task EveryIndividualAccess_AppearsInTheSubjectsWhoSawMyData_AndTheWorksCouncilsLog()
    {
        var org = await OrganisationAsync();
        await SetRegionAsync(org, org.Lead, "eu");

        var byLead = await ReadAsync(org.Lead, EmployeeDataCategories.RevenuePerOwner, [org.Agent.Id, org.Peer.Id], "team-steering");
        var bySelf = await ReadAsync(org.Agent, EmployeeDataCategories.RevenuePerOwner, [org.Agent.Id], null);
        var byDirector = await ReadAsync(org.Director, EmployeeDataCategories.RevenuePerOwner, [org.Agent.Id], "team-steering");

        Assert.Equal(IndividualOutcome.Allowed, byLead[org.Agent.Id].Outcome);
        Assert.Equal(IndividualOutcome.Refused, byLead[org.Peer.Id].Outcome);
        Assert.True(bySelf[org.Agent.Id].IsSelf);
        Assert.Equal(RefusalReason.ManagerLevel, byDirector[org.Agent.Id].Reason);

        var mine = (await org.Agent.Client.GetJsonAsync("/api/profile/data-access")).GetProperty("items").EnumerateArray().ToList();
        var access = Assert.Single(mine);
        Assert.Equal((org.Lead.Id, "revenue-per-owner", "team-steering"), (access.GetProperty("readerId").GetGuid(), access.Str("category"), access.Str("purpose")));
        Assert.Empty((await org.Peer.Client.GetJsonAsync("/api/profile/data-access")).GetProperty("items").EnumerateArray());

        var log = (await org.Council.Client.GetJsonAsync("/api/works-agreement/access-log?category=revenue-per-owner")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(org.Agent.Id, Assert.Single(log).GetProperty("subjectId").GetGuid());
        Assert.Empty((await org.Council.Client.GetJsonAsync("/api/works-agreement/access-log?category=login-history")).GetProperty("items").EnumerateArray());
        var summary = await org.Council.Client.GetJsonAsync("/api/works-agreement/access-log/summary");
        Assert.Equal(1, summary.GetProperty("reads").GetInt32());
        Assert.Equal([1], summary.GetProperty("versionsInForce").EnumerateArray().Select(v => v.GetInt32()));
        await org.Admin.Client.FetchAsync("/api/works-agreement/access-log").ProblemAsync(HttpStatusCode.Forbidden);
        await org.Council.Client.FetchAsync("/api/works-agreement/access-log?category=shoe-size").ProblemAsync(HttpStatusCode.BadRequest, "category");
        await org.Council.Client.FetchAsync("/api/works-agreement/access-log/summary?month=11-2026").ProblemAsync(HttpStatusCode.BadRequest, "month");
        await org.Admin.Client.CreateAccountAsync("Müller Maschinenbau GmbH");
        Assert.Empty((await org.Council.Client.GetJsonAsync("/api/accounts")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ReaderWithoutAnAllowedRegion_GetsNoIndividualValues_UntilAnAdministratorSetsIt()
    {
        var org = await OrganisationAsync();

        var before = await ReadAsync(org.Lead, EmployeeDataCategories.RevenuePerOwner, [org.Agent.Id], "team-steering");
        await SetRegionAsync(org, org.Lead, "us");
        var outside = await ReadAsync(org.Lead, EmployeeDataCategories.RevenuePerOwner, [org.Agent.Id], "team-steering");
        await SetRegionAsync(org, org.Lead, "ch");
        var inside = await ReadAsync(org.Lead, EmployeeDataCategories.RevenuePerOwner, [org.Agent.Id], "team-steering");

        Assert.Equal(RefusalReason.Region, before[org.Agent.Id].Reason);
        Assert.Equal(RefusalReason.Region, outside[org.Agent.Id].Reason);
        Assert.True(inside[org.Agent.Id].IsAllowed);
        Assert.Equal("CH", (await org.Admin.Client.GetJsonAsync($"/api/users/{org.Lead.Id}")).Str("region"));
        var response = await org.Admin.Client.FetchAsync($"/api/users/{org.Lead.Id}");
        await org.Admin.Client.PatchJsonAsync($"/api/users/{org.Lead.Id}", new { region = "Europe-West" }, response.ETag()).ProblemAsync(HttpStatusCode.BadRequest, "region");
    }

    [Fact]
    public async Task Aggregates_HideSmallTeams_AndGroupsThatDifferByFewerThanKFromOneSeenBefore()
    {
        var org = await OrganisationAsync();
        var people = Enumerable.Range(0, 8).Select(_ => Guid.CreateVersion7()).ToList();
        var others = Enumerable.Range(0, 12).Select(_ => Guid.CreateVersion7()).ToList();
        GroupCell Cell(string key, IEnumerable<Guid> members) => new(key, members.ToHashSet());

        var (small, k) = await AggregateAsync(org.Lead, EmployeeDataCategories.ActivityCounts, [Cell("four", others.Take(4)), Cell("eight", others.Skip(4))], totalShown: false);
        var (whole, _) = await AggregateAsync(org.Lead, EmployeeDataCategories.ActivityCounts, [Cell("team", people.Take(7))], totalShown: false);
        var (minusOne, _) = await AggregateAsync(org.Lead, EmployeeDataCategories.ActivityCounts, [Cell("filtered", people.Take(6))], totalShown: false);
        var (otherReader, _) = await AggregateAsync(org.Peer, EmployeeDataCategories.ActivityCounts, [Cell("filtered", people.Take(6))], totalShown: false);

        Assert.Equal(5, k);
        Assert.Equal(["four"], small.Suppressed);
        Assert.Empty(whole.Suppressed);
        Assert.Equal(["filtered"], minusOne.Suppressed);
        Assert.Empty(otherReader.Suppressed);
    }

    private sealed record Organisation(TestUser Admin, TestUser Council, TestUser Director, TestUser Lead, TestUser Agent, TestUser Peer);

    /// <summary>An organisation with the documented example agreement in force; the director manages the team lead and the peer, the team lead the agent.</summary>
    private async Task<Organisation> OrganisationAsync()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var council = await app.CreateUserAsync(admin.TenantId, [Roles.WorksCouncil]);
        var director = await app.CreateUserAsync(admin.TenantId, [Roles.TeamLead]);
        var lead = await app.CreateUserAsync(admin.TenantId, [Roles.TeamLead], director.Id);
        var agent = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep], lead.Id);
        var peer = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep], director.Id);
        await admin.Client.PostJsonAsync("/api/works-agreement/versions", new { text = AgreementParserTests.Example }).ExpectAsync(HttpStatusCode.Created);
        await admin.Client.PostJsonAsync("/api/works-agreement/versions/1/approve", new { party = "Employer" }).ExpectAsync(HttpStatusCode.OK);
        await council.Client.PostJsonAsync("/api/works-agreement/versions/1/approve", new { party = "WorksCouncil" }).ExpectAsync(HttpStatusCode.OK);
        return new Organisation(admin, council, director, lead, agent, peer);
    }

    private static async Task SetRegionAsync(Organisation org, TestUser user, string region)
    {
        var response = await org.Admin.Client.FetchAsync($"/api/users/{user.Id}");
        await org.Admin.Client.PatchJsonAsync($"/api/users/{user.Id}", new { region }, response.ETag()).ExpectAsync(HttpStatusCode.OK);
    }

    private static Task<IReadOnlyDictionary<Guid, IndividualDecision>> ReadAsync(TestUser reader, EmployeeDataCategory category, Guid[] subjects, string? purpose) =>
        reader.RunAsync((services, user) => services.GetRequiredService<EmployeeDataGate>()
            .ReadIndividualAsync(services.GetRequiredService<KontorDb>(), user, category, subjects, purpose, Api.Ct));

    private static Task<(Suppression, int)> AggregateAsync(TestUser reader, EmployeeDataCategory category, GroupCell[] cells, bool totalShown) =>
        reader.RunAsync((services, user) => services.GetRequiredService<EmployeeDataGate>()
            .AggregateAsync(services.GetRequiredService<KontorDb>(), user, category, cells, totalShown, Api.Ct));
}
