using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales.Leads;

/// <summary>Scoring rules: points for fields and activities, explained on the lead and recomputed on changes.</summary>
public sealed class LeadScoringTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Create_ScoresMatchingRules_AndExplainsEachRule()
    {
        var admin = await app.CreateTenantWithUserAsync("Scoring");
        await admin.Client.CreateScoringRuleAsync(new { name = "Industry segment", condition = "SegmentIs", value = "Industrie", points = 20 });
        await admin.Client.CreateScoringRuleAsync(new { name = "Hot", condition = "RatingIs", value = "Hot", points = 15 });
        await admin.Client.CreateScoringRuleAsync(new { name = "Reachable by phone", condition = "HasPhone", points = 5 });
        await admin.Client.CreateScoringRuleAsync(new { name = "Competitor's campaign", condition = "CampaignIs", value = "X", points = -50 });

        var lead = await admin.Client.CreateLeadAsync(new { lastName = "Punkt", segment = "Industrie", rating = "Hot", phone = "+49 711 123456" });

        Assert.Equal(40, lead.GetProperty("score").GetInt32());
        var explanation = lead.GetProperty("scoreExplanation").EnumerateArray().Select(l => (l.Str("rule"), l.GetProperty("points").GetInt32())).ToList();
        Assert.Equal([("Hot", 15), ("Industry segment", 20), ("Reachable by phone", 5)], explanation);
    }

    [Fact]
    public async Task LoggedCalls_AddPointsPerCall_UpToTheMaximum()
    {
        var admin = await app.CreateTenantWithUserAsync("Scoring");
        await admin.Client.CreateScoringRuleAsync(new { name = "Calls", condition = "PerCall", points = 10, maxPoints = 25 });
        var lead = await admin.Client.CreateLeadAsync(new { lastName = "Anruf", ownerId = admin.Id });

        await admin.Client.LogCallAsync("lead", lead.Id());
        Assert.Equal(10, (await admin.Client.GetJsonAsync($"/api/leads/{lead.Id()}")).GetProperty("score").GetInt32());
        await admin.Client.LogCallAsync("lead", lead.Id());
        await admin.Client.LogCallAsync("lead", lead.Id());

        var scored = await admin.Client.GetJsonAsync($"/api/leads/{lead.Id()}");
        Assert.Equal(25, scored.GetProperty("score").GetInt32());
        Assert.Equal("Calls", scored.GetProperty("scoreExplanation")[0].Str("rule"));
    }

    [Fact]
    public async Task Update_ChangingRating_RecomputesScore()
    {
        var admin = await app.CreateTenantWithUserAsync("Scoring");
        await admin.Client.CreateScoringRuleAsync(new { name = "Hot", condition = "RatingIs", value = "Hot", points = 30 });
        var lead = await admin.Client.CreateLeadAsync(new { lastName = "Kalt", rating = "Cold", ownerId = admin.Id });
        Assert.Equal(0, lead.GetProperty("score").GetInt32());
        var etag = (await admin.Client.FetchAsync($"/api/leads/{lead.Id()}")).ETag();

        var hot = await admin.Client.PatchJsonAsync($"/api/leads/{lead.Id()}", new { rating = "Hot" }, etag).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(30, hot.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task NewRule_RescoresExistingOpenLeads()
    {
        var admin = await app.CreateTenantWithUserAsync("Scoring");
        var lead = await admin.Client.CreateLeadAsync(new { lastName = "Alt", email = "alt@example.com", ownerId = admin.Id });

        await admin.Client.CreateScoringRuleAsync(new { name = "Has e-mail", condition = "HasEmail", points = 7 });

        Assert.Equal(7, (await admin.Client.GetJsonAsync($"/api/leads/{lead.Id()}")).GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task CreateRule_FieldConditionWithoutValue_Returns400()
    {
        var admin = await app.CreateTenantWithUserAsync("Scoring");

        await admin.Client.PostJsonAsync("/api/lead-scoring-rules", new { name = "Segment", condition = "SegmentIs", points = 5 })
            .ProblemAsync(HttpStatusCode.BadRequest, "value");
    }

    [Fact]
    public async Task RepLoggingCall_OnOwnLead_UpdatesScoreToo()
    {
        var admin = await app.CreateTenantWithUserAsync("Scoring");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await admin.Client.CreateScoringRuleAsync(new { name = "Calls", condition = "PerCall", points = 3 });
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Eigen", ownerId = rep.Id });

        await rep.Client.LogCallAsync("lead", lead.Id());

        Assert.Equal(3, (await rep.Client.GetJsonAsync($"/api/leads/{lead.Id()}")).GetProperty("score").GetInt32());
    }
}
