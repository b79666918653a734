using System.Net;
using System.Net.Http.Headers;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales;

/// <summary>Opportunities: defaults, stage moves with their requirements, stage history, list, board, contacts, timeline.</summary>
public sealed class OpportunityTests(FakeClockAppFactory app) : IClassFixture<FakeClockAppFactory>
{
    /// <summary>PostgreSQL keeps microseconds, .NET ticks of 100 ns.</summary>
    private static void AssertClose(TimeSpan expected, TimeSpan actual) =>
        Assert.True((expected - actual).Duration() < TimeSpan.FromMilliseconds(1), $"Expected {expected} but got {actual}.");

    [Fact]
    public async Task Create_WithOnlyNameAndAccount_TakesAccountOwnerAndTeam_TenantCurrency_DefaultPipelineAndFirstStage()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var team = await app.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales);
        var account = (await admin.Client.CreateAccountAsync(new { name = "Acme", ownerId = rep.Id, insideSalesTeamId = team })).Id();
        var pipeline = await admin.Client.DefaultPipelineAsync();

        var created = await admin.Client.CreateOpportunityAsync("Press line", account);

        Assert.Equal(rep.Id, created.GetProperty("ownerId").GetGuid());
        Assert.Equal(team, created.GetProperty("insideSalesTeamId").GetGuid());
        Assert.Equal("EUR", created.Str("currency"));
        Assert.Equal(pipeline.Id(), created.GetProperty("pipelineId").GetGuid());
        Assert.Equal(pipeline.StageId("Qualifizierung"), created.GetProperty("stageId").GetGuid());
        Assert.Equal(("Acme", "Qualifizierung", 10, "Pipeline", "Open"), (created.Str("accountName"), created.Str("stageName"), created.GetProperty("probability").GetInt32(), created.Str("forecastCategory"), created.Str("outcome")));
        Assert.Single(created.GetProperty("stageHistory").EnumerateArray());
    }

    [Fact]
    public async Task Create_WithBadInput_Returns400NamingEveryField()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");

        await admin.Client.PostJsonAsync("/api/opportunities", new { name = "", accountId = Guid.NewGuid(), currency = "euro", amount = -5, stageId = Guid.NewGuid() })
            .ProblemAsync(HttpStatusCode.BadRequest, "name", "accountId", "currency", "amount", "stageId");
        await admin.Client.SendRawAsync(HttpMethod.Post, "/api/opportunities", """{"name":"X","closeDate":"not a date"}""").ProblemAsync(HttpStatusCode.BadRequest);
        await admin.Client.SendRawAsync(HttpMethod.Post, "/api/opportunities", "{").ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Move_ToStageWithEmptyRequiredFields_Returns409NamingTheFieldsByLabel_InTheCallersLanguage()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();

        var english = await admin.Client.MoveAsync(opportunity, pipeline.StageId("Angebot")).ProblemAsync(HttpStatusCode.Conflict);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/opportunities/{opportunity}/stage") { Content = System.Net.Http.Json.JsonContent.Create(new { stageId = pipeline.StageId("Angebot") }) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("de-DE"));
        var german = await (await admin.Client.SendAsync(request, Api.Ct)).ProblemAsync(HttpStatusCode.Conflict, "amount", "closeDate");

        Assert.Equal("Fill in Amount, Close date before moving the opportunity to 'Angebot'.", english.Str("title"));
        Assert.Equal("Bitte füllen Sie Betrag, Abschlussdatum aus, bevor die Verkaufschance in „Angebot“ wechselt.", german.Str("title"));
        Assert.Equal(["Amount", "CloseDate"], english.GetProperty("missingFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Qualifizierung", (await admin.Client.GetJsonAsync($"/api/opportunities/{opportunity}")).Str("stageName"));
    }

    [Fact]
    public async Task Move_WithRequiredFieldsFilled_FollowsTheStage_AndKeepsHistoryWithDurations()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync(new { name = "Press line", accountId = account, amount = 4_500_000, closeDate = "2027-03-31" })).Id();

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var moved = await admin.Client.MoveAsync(opportunity, pipeline.StageId("Angebot")).ExpectAsync(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var read = await admin.Client.GetJsonAsync($"/api/opportunities/{opportunity}");

        Assert.Equal((50, "BestCase", "Open"), (moved.GetProperty("probability").GetInt32(), moved.Str("forecastCategory"), moved.Str("outcome")));
        var history = read.GetProperty("stageHistory").EnumerateArray().ToList();
        Assert.Equal(["Qualifizierung", "Angebot"], history.Select(h => h.Str("stageName")));
        Assert.Equal(history[0].GetProperty("leftAt").GetDateTimeOffset(), history[1].GetProperty("enteredAt").GetDateTimeOffset());
        AssertClose(TimeSpan.FromMinutes(30), TimeSpan.Parse(history[0].Str("duration"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, history[1].GetProperty("leftAt").ValueKind);
        AssertClose(TimeSpan.FromMinutes(10), TimeSpan.Parse(history[1].Str("duration"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Move_ToLost_NeedsALossReason_ThenClosesTheDeal_AndReopeningClearsClosedAt()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();

        await admin.Client.MoveAsync(opportunity, pipeline.StageId("Verloren")).ProblemAsync(HttpStatusCode.Conflict, "lossReason");
        var lost = await admin.Client.MoveAsync(opportunity, pipeline.StageId("Verloren"), "Price").ExpectAsync(HttpStatusCode.OK);
        var reopened = await admin.Client.MoveAsync(opportunity, pipeline.StageId("Qualifizierung")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("Lost", 0, "Omitted", "Price"), (lost.Str("outcome"), lost.GetProperty("probability").GetInt32(), lost.Str("forecastCategory"), lost.Str("lossReason")));
        AssertClose(TimeSpan.Zero, lost.GetProperty("closedAt").GetDateTimeOffset() - app.Clock.GetUtcNow());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reopened.GetProperty("closedAt").ValueKind);
    }

    [Fact]
    public async Task Move_ToWon_SetsClosedAtAndFullProbability()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync(new { name = "Press line", accountId = account, amount = 100 })).Id();

        var won = await admin.Client.MoveAsync(opportunity, pipeline.StageId("Gewonnen")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("Won", 100, "Closed"), (won.Str("outcome"), won.GetProperty("probability").GetInt32(), won.Str("forecastCategory")));
        AssertClose(TimeSpan.Zero, won.GetProperty("closedAt").GetDateTimeOffset() - app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Move_ToStageOfAnotherPipeline_Returns400()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var other = await admin.Client.PostJsonAsync("/api/pipelines", new
        {
            name = "Other",
            stages = new object[] { new { name = "A", outcome = "Open" }, new { name = "W", outcome = "Won" }, new { name = "L", outcome = "Lost" } },
        }).ExpectAsync(HttpStatusCode.Created);
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();

        await admin.Client.MoveAsync(opportunity, other.StageId("A")).ProblemAsync(HttpStatusCode.BadRequest, "stageId");
    }

    [Fact]
    public async Task Patch_NeedsIfMatch_RefusesStaleVersions_AndMovesStageWithTheSameChecks()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var created = await admin.Client.PostJsonAsync("/api/opportunities", new { name = "Press line", accountId = account });
        var etag = created.ETag();
        var id = (await created.ExpectAsync(HttpStatusCode.Created)).Id();
        var url = $"/api/opportunities/{id}";

        await admin.Client.PatchJsonAsync(url, new { name = "X" }, null).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await admin.Client.PatchJsonAsync(url, new { stageId = pipeline.StageId("Angebot") }, etag).ProblemAsync(HttpStatusCode.Conflict, "amount", "closeDate");
        var changed = await admin.Client.PatchJsonAsync(url, new { amount = 990_000, closeDate = "2027-01-15", stageId = pipeline.StageId("Angebot") }, etag).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.PatchJsonAsync(url, new { name = "Stale" }, etag).ProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(("Angebot", 990_000L), (changed.Str("stageName"), changed.GetProperty("amount").GetInt64()));
    }

    [Fact]
    public async Task Delete_MovesToRecycleBin_ThenRestoreBringsItBack()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var id = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();

        await admin.Client.RemoveAsync($"/api/opportunities/{id}").ExpectAsync(HttpStatusCode.NoContent);
        await admin.Client.FetchAsync($"/api/opportunities/{id}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await admin.Client.GetJsonAsync($"/api/opportunities?account={account}")).Ids());
        await admin.Client.PostAsync($"/api/opportunities/{id}/restore", null, Api.Ct).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([id], (await admin.Client.GetJsonAsync($"/api/opportunities?account={account}")).Ids());
    }

    [Fact]
    public async Task List_FiltersByStageOutcomeAndCloseDates_SortsByCloseDate_AndPagesWithoutGapsOrRepeats()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await admin.Client.CreateOpportunityAsync(new { name = $"Deal {i}", accountId = account, amount = i * 100, closeDate = $"2027-0{6 - i}-01" })).Id());
        }

        await admin.Client.MoveAsync(ids[0], pipeline.StageId("Gewonnen")).ExpectAsync(HttpStatusCode.OK);

        var byDate = (await admin.Client.AllPagesAsync($"/api/opportunities?account={account}&sort=closeDate&limit=2")).SelectMany(p => p.Ids()).ToList();
        Assert.Equal(Enumerable.Reverse(ids), byDate);
        Assert.Equal([ids[0]], (await admin.Client.GetJsonAsync($"/api/opportunities?account={account}&outcome=won")).Ids());
        Assert.Equal([ids[0]], (await admin.Client.GetJsonAsync($"/api/opportunities?stage={pipeline.StageId("Gewonnen")}")).Ids());
        Assert.Equal(
            new[] { ids[2], ids[3] }.Order(),
            (await admin.Client.GetJsonAsync($"/api/opportunities?account={account}&closeFrom=2027-02-01&closeTo=2027-03-31")).Ids().Order());
        Assert.Equal(ids[0], (await admin.Client.GetJsonAsync($"/api/opportunities?account={account}&sort=-amount")).Ids()[^1]);
    }

    [Theory]
    [InlineData("limit=201", "limit")]
    [InlineData("outcome=maybe", "outcome")]
    [InlineData("sort=size", "sort")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("owner=someone", "owner")]
    public async Task List_WithBadQuery_Returns400NamingTheParameter(string query, string field)
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");

        await admin.Client.FetchAsync($"/api/opportunities?{query}").ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Board_HasAColumnPerStage_WithCountsAndTotalsPerCurrency()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        await admin.Client.CreateOpportunityAsync(new { name = "A", accountId = account, amount = 1000 });
        await admin.Client.CreateOpportunityAsync(new { name = "B", accountId = account, amount = 2500 });
        await admin.Client.CreateOpportunityAsync(new { name = "C", accountId = account, amount = 700, currency = "CHF" });
        var won = (await admin.Client.CreateOpportunityAsync(new { name = "D", accountId = account, amount = 5000 })).Id();
        await admin.Client.MoveAsync(won, pipeline.StageId("Gewonnen")).ExpectAsync(HttpStatusCode.OK);

        var board = await admin.Client.GetJsonAsync("/api/opportunities/board?limit=2");

        var columns = board.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(6, columns.Count);
        Assert.Equal(3, columns[0].GetProperty("count").GetInt32());
        Assert.Equal([("CHF", 700L), ("EUR", 3500L)], columns[0].GetProperty("totals").EnumerateArray().Select(t => (t.Str("currency"), t.GetProperty("amount").GetInt64())));
        Assert.Equal(2, columns[0].GetProperty("cards").GetArrayLength());
        var next = columns[0].Str("nextCursor");
        var rest = await admin.Client.GetJsonAsync($"/api/opportunities?pipeline={pipeline.Id()}&stage={pipeline.StageId("Qualifizierung")}&sort=closeDate&limit=2&cursor={Uri.EscapeDataString(next)}");
        Assert.Single(rest.Ids());
        Assert.Equal([won], columns[4].GetProperty("cards").EnumerateArray().Select(c => c.Id()));
        Assert.Equal(0, columns[1].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Contacts_OfTheAccount_JoinInARole_OthersAreRefused()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var other = (await admin.Client.CreateAccountAsync("Other")).Id();
        var buyer = (await admin.Client.CreateContactAsync("Schmidt", account)).Id();
        var stranger = (await admin.Client.CreateContactAsync("Meier", other)).Id();
        var id = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();

        await admin.Client.PostJsonAsync($"/api/opportunities/{id}/contacts", new { contactId = buyer, role = "EconomicBuyer" }).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.PostJsonAsync($"/api/opportunities/{id}/contacts", new { contactId = stranger, role = "User" }).ProblemAsync(HttpStatusCode.BadRequest, "contactId");
        var contacts = (await admin.Client.GetJsonAsync($"/api/opportunities/{id}")).GetProperty("contacts").EnumerateArray().ToList();
        await admin.Client.RemoveAsync($"/api/opportunities/{id}/contacts/{buyer}").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal([(buyer, "Schmidt", "EconomicBuyer")], contacts.Select(c => (c.GetProperty("contactId").GetGuid(), c.Str("name"), c.Str("role"))));
        Assert.Empty((await admin.Client.GetJsonAsync($"/api/opportunities/{id}")).GetProperty("contacts").EnumerateArray());
    }

    [Fact]
    public async Task Timeline_OfOpportunity_ShowsStageMovesByStageName_AndTakesNotes()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var id = (await admin.Client.CreateOpportunityAsync("Press line", account)).Id();
        await admin.Client.MoveAsync(id, pipeline.StageId("Bedarfsanalyse")).ExpectAsync(HttpStatusCode.OK);

        await admin.Client.AddNoteAsync("opportunity", id, "Budget confirmed");
        var timeline = await admin.Client.GetJsonAsync($"/api/timeline/opportunity/{id}");

        var entries = timeline.GetProperty("items").EnumerateArray().ToList();
        var move = entries.Single(e => e.Str("kind") == "Change" && e.GetProperty("change").Str("field") == "StageName").GetProperty("change");
        Assert.Equal(("Qualifizierung", "Bedarfsanalyse"), (move.Str("oldValue"), move.Str("newValue")));
        Assert.Contains(entries, e => e.Str("kind") == "Note");
    }

    [Fact]
    public async Task GlobalSearch_FindsOpportunityByName_WithItsAccount()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var id = (await admin.Client.CreateOpportunityAsync("Hydraulikpresse Werk Süd", account)).Id();

        var results = await admin.Client.GetJsonAsync("/api/search?q=hydraulikpresse");

        var group = results.GetProperty("groups").EnumerateArray().Single(g => g.Str("type") == "opportunity");
        var item = Assert.Single(group.GetProperty("items").EnumerateArray());
        Assert.Equal((id, $"/opportunities/{id}"), (item.Id(), item.Str("url")));
        Assert.Contains("Acme", item.Str("subtitle"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeAccounts_MovesTheMergedAccountsDealsToTheSurvivor_AndContactMergeKeepsTheRole()
    {
        var admin = await app.CreateTenantWithUserAsync("Opportunities");
        var survivor = await admin.Client.CreateAccountAsync("Acme GmbH");
        var merged = await admin.Client.CreateAccountAsync("ACME");
        var keep = (await admin.Client.CreateContactAsync("Berg", survivor.Id())).Id();
        var twin = (await admin.Client.CreateContactAsync("Berg", survivor.Id())).Id();
        var deal = (await admin.Client.CreateOpportunityAsync("Press line", merged.Id())).Id();
        var other = (await admin.Client.CreateOpportunityAsync("Spare parts", survivor.Id())).Id();
        await admin.Client.PostJsonAsync($"/api/opportunities/{other}/contacts", new { contactId = twin, role = "DecisionMaker" }).ExpectAsync(HttpStatusCode.OK);

        await admin.Client.SendRawAsync(HttpMethod.Post, $"/api/accounts/{survivor.Id()}/merge", $$"""{"mergedId":"{{merged.Id()}}"}""", survivor.Str("eTag")).ExpectAsync(HttpStatusCode.OK);
        var keepETag = (await admin.Client.FetchAsync($"/api/contacts/{keep}")).ETag();
        await admin.Client.SendRawAsync(HttpMethod.Post, $"/api/contacts/{keep}/merge", $$"""{"mergedId":"{{twin}}"}""", keepETag).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(survivor.Id(), (await admin.Client.GetJsonAsync($"/api/opportunities/{deal}")).GetProperty("accountId").GetGuid());
        var roles = (await admin.Client.GetJsonAsync($"/api/opportunities/{other}")).GetProperty("contacts").EnumerateArray();
        Assert.Equal([(keep, "DecisionMaker")], roles.Select(r => (r.GetProperty("contactId").GetGuid(), r.Str("role"))));
    }
}
