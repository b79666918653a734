using System.Net;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales.Leads;

/// <summary>Assignment rules: tried in order, first match wins, territories, round robin, the queue, reassigning.</summary>
public sealed class AssignmentRuleTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Create_WithoutOwner_FirstMatchingRuleInOrderWins()
    {
        var admin = await app.CreateTenantWithUserAsync("Assignment");
        var north = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var south = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var industry = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Industry", segment = "Industrie", assignToUserId = industry.Id });
        await admin.Client.CreateAssignmentRuleAsync(new { name = "South", country = "DE", postalCodeRanges = "70000-89999", assignToUserId = south.Id });
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Germany", country = "DE", assignToUserId = north.Id });

        var industrial = await admin.Client.CreateLeadAsync(new { lastName = "A", segment = "industrie", address = new { country = "DE", postalCode = "70173" } });
        var stuttgart = await admin.Client.CreateLeadAsync(new { lastName = "B", address = new { country = "DE", postalCode = "70173" } });
        var hamburg = await admin.Client.CreateLeadAsync(new { lastName = "C", address = new { country = "DE", postalCode = "20095" } });
        var vienna = await admin.Client.CreateLeadAsync(new { lastName = "D", address = new { country = "AT", postalCode = "1010" } });

        Assert.Equal(industry.Id, industrial.OwnerOf());
        Assert.Equal(south.Id, stuttgart.OwnerOf());
        Assert.Equal(north.Id, hamburg.OwnerOf());
        Assert.Null(vienna.OwnerOf());
    }

    [Fact]
    public async Task Reorder_ThenCreate_FollowsNewOrder()
    {
        var admin = await app.CreateTenantWithUserAsync("Assignment");
        var first = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var second = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var broad = await admin.Client.CreateAssignmentRuleAsync(new { name = "All of Germany", country = "DE", assignToUserId = first.Id });
        var narrow = await admin.Client.CreateAssignmentRuleAsync(new { name = "Bavaria", country = "DE", postalCodeRanges = "80000-87999", assignToUserId = second.Id });
        Assert.Equal(first.Id, (await admin.Client.CreateLeadAsync(new { lastName = "A", address = new { country = "DE", postalCode = "80331" } })).OwnerOf());

        var ordered = await admin.Client.SendRawAsync(HttpMethod.Put, "/api/lead-assignment-rules/order", $"{{\"ids\":[\"{narrow.Id()}\",\"{broad.Id()}\"]}}")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["Bavaria", "All of Germany"], ordered.EnumerateArray().Select(r => r.Str("name")).ToList());
        Assert.Equal(second.Id, (await admin.Client.CreateLeadAsync(new { lastName = "B", address = new { country = "DE", postalCode = "80331" } })).OwnerOf());
    }

    [Fact]
    public async Task RoundRobin_HandsLeadsToTeamMembersInTurn()
    {
        var admin = await app.CreateTenantWithUserAsync("Assignment");
        var members = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            members.Add(await app.CreateUserAsync(admin.TenantId, [Roles.InsideSales]));
        }

        var team = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales, [.. members.Select(m => m.Id)]);
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Inside sales", roundRobinTeamId = team });

        var owners = new List<Guid?>();
        for (var i = 0; i < 9; i++)
        {
            owners.Add((await admin.Client.CreateLeadAsync($"Lead {i}")).OwnerOf());
        }

        Assert.All(members, m => Assert.Equal(3, owners.Count(o => o == m.Id)));
        Assert.Equal(owners.Take(3), owners.Skip(3).Take(3));
    }

    [Fact]
    public async Task RoundRobin_ConcurrentCaptures_StayFair()
    {
        var admin = await app.CreateTenantWithUserAsync("Assignment");
        var a = await app.CreateUserAsync(admin.TenantId, [Roles.InsideSales]);
        var b = await app.CreateUserAsync(admin.TenantId, [Roles.InsideSales]);
        var team = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales, a.Id, b.Id);
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Inside sales", roundRobinTeamId = team });

        var leads = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => admin.Client.CreateLeadAsync($"Parallel {i}")));

        Assert.Equal(5, leads.Count(l => l.OwnerOf() == a.Id));
        Assert.Equal(5, leads.Count(l => l.OwnerOf() == b.Id));
    }

    [Fact]
    public async Task Rule_WithDeactivatedUser_IsSkipped()
    {
        var admin = await app.CreateTenantWithUserAsync("Assignment");
        var gone = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var fallback = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Gone", assignToUserId = gone.Id });
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Fallback", assignToUserId = fallback.Id });
        await app.SetActiveAsync(gone, active: false);

        Assert.Equal(fallback.Id, (await admin.Client.CreateLeadAsync("Lead")).OwnerOf());
    }

    [Fact]
    public async Task Reassign_AfterSegmentChange_AppliesRules()
    {
        var admin = await app.CreateTenantWithUserAsync("Assignment");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var lead = await admin.Client.CreateLeadAsync("Später");
        Assert.Null(lead.OwnerOf());
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Trade", segment = "Handel", assignToUserId = rep.Id });
        var etag = (await admin.Client.FetchAsync($"/api/leads/{lead.Id()}")).ETag();
        await admin.Client.PatchJsonAsync($"/api/leads/{lead.Id()}", new { segment = "Handel" }, etag).ExpectAsync(HttpStatusCode.OK);

        var reassigned = await admin.Client.PostJsonAsync($"/api/leads/{lead.Id()}/reassign", new { }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(rep.Id, reassigned.OwnerOf());
    }

    [Fact]
    public async Task CreateRule_WithBadRangeAndNoTarget_Returns400()
    {
        var admin = await app.CreateTenantWithUserAsync("Assignment");

        await admin.Client.PostJsonAsync("/api/lead-assignment-rules", new { name = "Bad", postalCodeRanges = "7000-79999" })
            .ProblemAsync(HttpStatusCode.BadRequest, "postalCodeRanges", "assignToUserId");
    }
}
