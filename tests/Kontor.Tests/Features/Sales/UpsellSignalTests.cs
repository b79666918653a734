using System.Net;
using Kontor.Features.Customers;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales;

/// <summary>Upsell signals: raised by inside sales, handed to the field owner as an opportunity and a task, decided, seen by the raiser.</summary>
public sealed class UpsellSignalTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Raise_CreatesOpportunityAndDueTaskForTheOwner_AndTheRaiserSeesTheFate()
    {
        var owner = await app.CreateTenantWithUserAsync("Upsell", Roles.SalesRep);
        var inside = await app.CreateUserAsync(owner.TenantId, [Roles.InsideSales]);
        var insideTeam = await app.CreateTeamAsync(owner.TenantId, TeamKind.InsideSales, inside.Id);
        var account = (await owner.Client.CreateAccountAsync(new { name = "Müller Maschinenbau", insideSalesTeamId = insideTeam })).Id();
        var call = await inside.Client.LogCallAsync("account", account);

        var signal = await inside.Client.PostJsonAsync("/api/upsell-signals", new { accountId = account, description = "Asks about the bigger machine", callId = call.Id() })
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("Open", signal.Str("status"));
        Assert.Equal(owner.Id, signal.GetProperty("ownerId").GetGuid());

        // The owner is reminded: the task is due today and counts in the bell.
        var due = await owner.Client.GetJsonAsync("/api/tasks?assignee=me&due=today");
        var task = Assert.Single(due.GetProperty("items").EnumerateArray());
        Assert.Equal(signal.GetProperty("taskId").GetGuid(), task.Id());
        Assert.Equal("High", task.Str("priority"));
        var opportunity = await app.InTenantAsync(owner.TenantId, db => Task.FromResult(db.Opportunities.Single(o => o.Id == signal.GetProperty("opportunityId").GetGuid())));
        Assert.Equal(owner.Id, opportunity.OwnerId);
        Assert.Equal(account, opportunity.AccountId);
        Assert.Equal("EUR", opportunity.Currency);

        // Only the owner decides; the rejection closes the opportunity as lost with the reason.
        await inside.Client.PostJsonAsync($"/api/upsell-signals/{signal.Id()}/accept", new { }).ProblemAsync(HttpStatusCode.Forbidden);
        await owner.Client.PostJsonAsync($"/api/upsell-signals/{signal.Id()}/reject", new { reason = "" }).ProblemAsync(HttpStatusCode.BadRequest, "reason");
        await owner.Client.PostJsonAsync($"/api/upsell-signals/{signal.Id()}/accept", new { }).ExpectAsync(HttpStatusCode.OK);
        var rejected = await owner.Client.PostJsonAsync($"/api/upsell-signals/{signal.Id()}/reject", new { reason = "Machine too large for the hall" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Rejected", rejected.Str("status"));
        await owner.Client.PostJsonAsync($"/api/upsell-signals/{signal.Id()}/convert", new { }).ProblemAsync(HttpStatusCode.Conflict);

        var mine = await inside.Client.GetJsonAsync("/api/upsell-signals?filter=raised");
        var seen = Assert.Single(mine.EnumerateArray());
        Assert.Equal("Rejected", seen.Str("status"));
        Assert.Equal("Machine too large for the hall", seen.Str("rejectionReason"));
        var closed = await app.InTenantAsync(owner.TenantId, db => Task.FromResult(db.Opportunities.Single(o => o.Id == signal.GetProperty("opportunityId").GetGuid())));
        Assert.Equal(Kontor.Features.Sales.Pipelines.StageOutcome.Lost, closed.Outcome);
        Assert.Equal("Machine too large for the hall", closed.LossReason);
        Assert.Empty((await owner.Client.GetJsonAsync("/api/tasks?assignee=me&due=today")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Signals_AreSeenByRaiserAndOwner_NotByOthers_AndConvertIsFinal()
    {
        var owner = await app.CreateTenantWithUserAsync("Visibility", Roles.SalesRep);
        await app.SetSharingAsync(owner.TenantId, CustomerObjects.Accounts, SharingLevel.Private);
        var inside = await app.CreateUserAsync(owner.TenantId, [Roles.InsideSales]);
        var stranger = await app.CreateUserAsync(owner.TenantId, [Roles.SalesRep]);
        var insideTeam = await app.CreateTeamAsync(owner.TenantId, TeamKind.InsideSales, inside.Id);
        var account = (await owner.Client.CreateAccountAsync(new { name = "Acme", insideSalesTeamId = insideTeam })).Id();
        var signal = await inside.Client.PostJsonAsync("/api/upsell-signals", new { accountId = account, description = "Second line" }).ExpectAsync(HttpStatusCode.Created);

        Assert.Empty((await stranger.Client.GetJsonAsync("/api/upsell-signals")).EnumerateArray());
        await stranger.Client.PostJsonAsync($"/api/upsell-signals/{signal.Id()}/accept", new { }).ProblemAsync(HttpStatusCode.NotFound);
        await stranger.Client.PostJsonAsync("/api/upsell-signals", new { accountId = account, description = "x" }).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([signal.Id()], (await owner.Client.GetJsonAsync("/api/upsell-signals?filter=assigned")).EnumerateArray().Select(s => s.Id()));
        Assert.Equal([signal.Id()], (await owner.Client.GetJsonAsync($"/api/upsell-signals?accountId={account}")).EnumerateArray().Select(s => s.Id()));

        var converted = await owner.Client.PostJsonAsync($"/api/upsell-signals/{signal.Id()}/convert", new { }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Converted", converted.Str("status"));
        Assert.Equal("Converted", (await inside.Client.GetJsonAsync("/api/upsell-signals?filter=raised"))[0].Str("status"));
        await owner.Client.PostJsonAsync($"/api/upsell-signals/{signal.Id()}/reject", new { reason = "No" }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Raise_WithBadInput_Returns400()
    {
        var owner = await app.CreateTenantWithUserAsync("Invalid", Roles.SalesRep);
        var account = (await owner.Client.CreateAccountAsync("Acme")).Id();
        var other = (await owner.Client.CreateAccountAsync("Other")).Id();
        var callOnOther = await owner.Client.LogCallAsync("account", other);

        await owner.Client.PostJsonAsync("/api/upsell-signals", new { accountId = account, description = "" }).ProblemAsync(HttpStatusCode.BadRequest, "description");
        await owner.Client.PostJsonAsync("/api/upsell-signals", new { accountId = account, description = "x", callId = callOnOther.Id() }).ProblemAsync(HttpStatusCode.BadRequest, "callId");
        await owner.Client.PostJsonAsync("/api/upsell-signals", new { accountId = account, description = "x", dueOn = "2000-01-01" }).ProblemAsync(HttpStatusCode.BadRequest, "dueOn");
        await owner.Client.PostJsonAsync("/api/upsell-signals", new { accountId = Guid.NewGuid(), description = "x" }).ProblemAsync(HttpStatusCode.NotFound);
        await owner.Client.FetchAsync("/api/upsell-signals?filter=everything").ProblemAsync(HttpStatusCode.BadRequest, "filter");
    }
}
