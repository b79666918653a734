using System.Net;
using System.Text.Json;

namespace Kontor.Tests.Infrastructure;

/// <summary>Leads, the web-to-lead form and the lead rules through the API.</summary>
public static class LeadApi
{
    public static Task<JsonElement> CreateLeadAsync(this HttpClient client, string lastName) => client.CreateLeadAsync(new { lastName });

    public static Task<JsonElement> CreateLeadAsync(this HttpClient client, object body) =>
        client.PostJsonAsync("/api/leads", body).ExpectAsync(HttpStatusCode.Created);

    /// <summary>The tenant's web-to-lead form key (the caller must be an administrator).</summary>
    public static async Task<string> FormKeyAsync(this HttpClient admin) =>
        (await admin.GetJsonAsync("/api/lead-form")).Str("formKey");

    public static Task<JsonElement> CreateAssignmentRuleAsync(this HttpClient admin, object body) =>
        admin.PostJsonAsync("/api/lead-assignment-rules", body).ExpectAsync(HttpStatusCode.Created);

    public static Task<JsonElement> CreateScoringRuleAsync(this HttpClient admin, object body) =>
        admin.PostJsonAsync("/api/lead-scoring-rules", body).ExpectAsync(HttpStatusCode.Created);

    public static Guid? OwnerOf(this JsonElement lead) =>
        lead.GetProperty("ownerId").ValueKind == JsonValueKind.Null ? null : lead.GetProperty("ownerId").GetGuid();
}
