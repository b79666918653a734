using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales;

/// <summary>Pipelines as administrators set them up: stages with probability, forecast category, outcome and required fields.</summary>
public sealed class PipelineTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static object Stage(string name, string outcome, int probability = 10, string forecastCategory = "Pipeline", params string[] requiredFields) =>
        new { name, outcome, probability, forecastCategory, requiredFields };

    private static string Json(object body) => JsonSerializer.Serialize(body, JsonSerializerOptions.Web);

    private static object[] ThreeStages => [Stage("Open", "Open"), Stage("Won", "Won", 100, "Closed"), Stage("Lost", "Lost", 0, "Omitted")];

    [Fact]
    public async Task List_NewTenant_HasOneDefaultPipelineWithOpenWonAndLostStagesInOrder()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");

        var pipelines = await admin.Client.GetJsonAsync("/api/pipelines");

        var pipeline = Assert.Single(pipelines.EnumerateArray());
        Assert.True(pipeline.GetProperty("isDefault").GetBoolean());
        Assert.Equal("Vertrieb", pipeline.Str("name"));
        var stages = pipeline.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["Qualifizierung", "Bedarfsanalyse", "Angebot", "Verhandlung", "Gewonnen", "Verloren"], stages.Select(s => s.Str("name")));
        Assert.Equal(stages.Select(s => s.GetProperty("order").GetInt32()).Order(), stages.Select(s => s.GetProperty("order").GetInt32()));
        Assert.Equal(["Amount", "CloseDate"], stages[2].GetProperty("requiredFields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Create_WithStages_KeepsTheirOrderAndAnswers201()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");

        var created = await admin.Client.PostJsonAsync("/api/pipelines", new { name = "Service contracts", stages = ThreeStages }).ExpectAsync(HttpStatusCode.Created);

        Assert.False(created.GetProperty("isDefault").GetBoolean());
        Assert.Equal(["Open", "Won", "Lost"], created.GetProperty("stages").EnumerateArray().Select(s => s.Str("name")));
        Assert.Equal(2, (await admin.Client.GetJsonAsync("/api/pipelines")).GetArrayLength());
    }

    [Fact]
    public async Task Create_WithoutWonStage_Returns400NamingStages()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");

        var problem = await admin.Client.PostJsonAsync("/api/pipelines", new { name = "Broken", stages = new[] { Stage("Open", "Open"), Stage("Lost", "Lost", 0) } })
            .ProblemAsync(HttpStatusCode.BadRequest, "stages");

        Assert.Contains("won", problem.ErrorOf("stages"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_WithBadStageValues_Returns400NamingEachField()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var stages = new[] { Stage("", "Open", 101), Stage("Won", "Won", 100, "Closed", "Budget"), Stage("Lost", "Lost", 0) };

        await admin.Client.PostJsonAsync("/api/pipelines", new { name = "", stages })
            .ProblemAsync(HttpStatusCode.BadRequest, "name", "stages[0].name", "stages[0].probability", "stages[1].requiredFields");
    }

    [Fact]
    public async Task Create_WithUnknownOutcome_Returns400()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");

        await admin.Client.SendRawAsync(HttpMethod.Post, "/api/pipelines", """{"name":"X","stages":[{"name":"A","outcome":"Maybe"}]}""")
            .ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WithTakenName_Returns400NamingName()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var existing = await admin.Client.DefaultPipelineAsync();

        await admin.Client.PostJsonAsync("/api/pipelines", new { name = existing.Str("name"), stages = ThreeStages })
            .ProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task Changes_BySalesRep_Return403_ButTheyReadPipelines()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var pipeline = await rep.Client.DefaultPipelineAsync();

        await rep.Client.PostJsonAsync("/api/pipelines", new { name = "Mine", stages = ThreeStages }).ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.SendRawAsync(HttpMethod.Patch, $"/api/pipelines/{pipeline.Id()}", Json(new { name = "Renamed" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_ByWorksCouncil_Returns403()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var council = await app.CreateUserAsync(admin.TenantId, [Roles.WorksCouncil]);

        await council.Client.FetchAsync("/api/pipelines").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AddStage_AtPosition_InsertsItThereAndRenumbers()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var pipeline = await admin.Client.DefaultPipelineAsync();

        var changed = await admin.Client.PostJsonAsync($"/api/pipelines/{pipeline.Id()}/stages", new { name = "Demo", probability = 40, forecastCategory = "BestCase", outcome = "Open", requiredFields = new[] { "nextStep" }, position = 3 })
            .ExpectAsync(HttpStatusCode.OK);

        var stages = changed.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal("Demo", stages[2].Str("name"));
        Assert.Equal(["NextStep"], stages[2].GetProperty("requiredFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal([10, 20, 30, 40, 50, 60, 70], stages.Select(s => s.GetProperty("order").GetInt32()));
    }

    [Fact]
    public async Task Reorder_WithEveryStage_SetsTheOrder_AndWithAMissingStage_Returns400()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var ids = pipeline.GetProperty("stages").EnumerateArray().Select(s => s.Id()).ToList();
        ids.Reverse();

        var changed = await admin.Client.SendRawAsync(HttpMethod.Put, $"/api/pipelines/{pipeline.Id()}/stages/order", $$"""{"stageIds":[{{string.Join(',', ids.Select(i => $"\"{i}\""))}}]}""")
            .ExpectAsync(HttpStatusCode.OK);
        await admin.Client.SendRawAsync(HttpMethod.Put, $"/api/pipelines/{pipeline.Id()}/stages/order", $$"""{"stageIds":["{{ids[0]}}"]}""")
            .ProblemAsync(HttpStatusCode.BadRequest, "stageIds");

        Assert.Equal(ids, changed.GetProperty("stages").EnumerateArray().Select(s => s.Id()));
    }

    [Fact]
    public async Task RemoveStage_WithAnOpportunity_Returns409_AndAnUnusedStageGoes()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        await admin.Client.CreateOpportunityAsync("Press", account);
        var first = pipeline.StageId("Qualifizierung");

        var problem = await admin.Client.RemoveAsync($"/api/pipelines/{pipeline.Id()}/stages/{first}").ProblemAsync(HttpStatusCode.Conflict);
        var afterRemoval = await admin.Client.RemoveAsync($"/api/pipelines/{pipeline.Id()}/stages/{pipeline.StageId("Bedarfsanalyse")}").ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Qualifizierung", problem.Str("title"), StringComparison.Ordinal);
        Assert.Equal(5, afterRemoval.GetProperty("stages").GetArrayLength());
    }

    [Fact]
    public async Task RemoveStage_TheOnlyWonStage_Returns409()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var pipeline = await admin.Client.DefaultPipelineAsync();

        await admin.Client.RemoveAsync($"/api/pipelines/{pipeline.Id()}/stages/{pipeline.StageId("Gewonnen")}").ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UpdateStage_NewProbabilityAndCategory_OpportunitiesInTheStageFollow()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        var opportunity = (await admin.Client.CreateOpportunityAsync("Press", account)).Id();

        await admin.Client.SendRawAsync(HttpMethod.Put, $"/api/pipelines/{pipeline.Id()}/stages/{pipeline.StageId("Qualifizierung")}",
            """{"name":"Lead qualified","probability":15,"forecastCategory":"BestCase","outcome":"Open","requiredFields":[]}""").ExpectAsync(HttpStatusCode.OK);

        var read = await admin.Client.GetJsonAsync($"/api/opportunities/{opportunity}");
        Assert.Equal((15, "BestCase", "Lead qualified"), (read.GetProperty("probability").GetInt32(), read.Str("forecastCategory"), read.Str("stageName")));
    }

    [Fact]
    public async Task UpdateStage_OutcomeOfStageWithOpportunities_Returns409()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var pipeline = await admin.Client.DefaultPipelineAsync();
        var account = (await admin.Client.CreateAccountAsync("Acme")).Id();
        await admin.Client.CreateOpportunityAsync("Press", account);

        await admin.Client.SendRawAsync(HttpMethod.Put, $"/api/pipelines/{pipeline.Id()}/stages/{pipeline.StageId("Qualifizierung")}",
            """{"name":"Qualifizierung","probability":0,"forecastCategory":"Omitted","outcome":"Lost"}""").ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Update_MakeAnotherPipelineDefault_ThePreviousOneIsNoLongerDefault_AndTheDefaultCannotBeArchived()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");
        var previous = await admin.Client.DefaultPipelineAsync();
        var other = (await admin.Client.PostJsonAsync("/api/pipelines", new { name = "Projects", stages = ThreeStages }).ExpectAsync(HttpStatusCode.Created)).Id();

        await admin.Client.SendRawAsync(HttpMethod.Patch, $"/api/pipelines/{other}", Json(new { isDefault = true })).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.SendRawAsync(HttpMethod.Patch, $"/api/pipelines/{other}", Json(new { isArchived = true })).ProblemAsync(HttpStatusCode.Conflict);
        await admin.Client.SendRawAsync(HttpMethod.Patch, $"/api/pipelines/{previous.Id()}", Json(new { isArchived = true })).ExpectAsync(HttpStatusCode.OK);

        var pipelines = await admin.Client.GetJsonAsync("/api/pipelines");
        Assert.Equal([other], pipelines.EnumerateArray().Select(p => p.Id()));
        Assert.Equal(2, (await admin.Client.GetJsonAsync("/api/pipelines?includeArchived=true")).GetArrayLength());
    }

    [Fact]
    public async Task Get_UnknownPipeline_Returns404()
    {
        var admin = await app.CreateTenantWithUserAsync("Pipelines");

        await admin.Client.FetchAsync($"/api/pipelines/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
    }
}
