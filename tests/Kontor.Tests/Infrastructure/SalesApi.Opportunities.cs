using System.Net;
using System.Text.Json;

namespace Kontor.Tests.Infrastructure;

/// <summary>Pipelines and opportunities through the API.</summary>
public static class OpportunityApi
{
    /// <summary>The tenant's default pipeline (created on first use).</summary>
    public static async Task<JsonElement> DefaultPipelineAsync(this HttpClient client) =>
        (await client.GetJsonAsync("/api/pipelines")).EnumerateArray().Single(p => p.GetProperty("isDefault").GetBoolean());

    /// <summary>The id of the stage with this name in a pipeline.</summary>
    public static Guid StageId(this JsonElement pipeline, string name) =>
        pipeline.GetProperty("stages").EnumerateArray().Single(s => s.Str("name") == name).Id();

    public static Task<JsonElement> CreateOpportunityAsync(this HttpClient client, object body) =>
        client.PostJsonAsync("/api/opportunities", body).ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonElement> CreateOpportunityAsync(this HttpClient client, string name, Guid accountId) =>
        client.CreateOpportunityAsync(new { name, accountId });

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, Guid opportunity, Guid stageId, string? lossReason = null) =>
        client.PostJsonAsync($"/api/opportunities/{opportunity}/stage", new { stageId, lossReason });
}
