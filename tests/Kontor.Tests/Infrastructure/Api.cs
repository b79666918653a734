using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Kontor.Tests.Infrastructure;

/// <summary>Sends requests to the API and reads its answers the way a client would.</summary>
public static class Api
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body, or an undefined element when there is none.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {status} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> response, HttpStatusCode status) =>
        await (await response).ExpectAsync(status);

    /// <summary>
    /// Asserts an RFC 9457 problem answer with the status; when <paramref name="errorFields"/> are given, the
    /// <c>errors</c> object names exactly those fields.
    /// </summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, params string[] errorFields)
    {
        var problem = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (errorFields.Length > 0)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors), $"The problem names no fields: {problem}");
            Assert.Equal(errorFields.Order(StringComparer.Ordinal), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
            foreach (var error in errors.EnumerateObject())
            {
                Assert.All(error.Value.EnumerateArray(), message => Assert.False(string.IsNullOrWhiteSpace(message.GetString())));
            }
        }

        return problem;
    }

    public static async Task<JsonElement> ProblemAsync(this Task<HttpResponseMessage> response, HttpStatusCode status, params string[] errorFields) =>
        await (await response).ProblemAsync(status, errorFields);

    /// <summary>The first message of a field in a validation problem.</summary>
    public static string ErrorOf(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Ct);

    /// <summary>A JSON merge patch with an optional <c>If-Match</c> header.</summary>
    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body, string? ifMatch) =>
        client.SendRawAsync(HttpMethod.Patch, url, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), ifMatch, "application/merge-patch+json");

    /// <summary>Sends a body exactly as given, for malformed input.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(
        this HttpClient client, HttpMethod method, string url, string? body, string? ifMatch = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, Ct);
    }

    /// <summary><c>DELETE</c> with an optional <c>If-Match</c> header.</summary>
    public static Task<HttpResponseMessage> RemoveAsync(this HttpClient client, string url, string? ifMatch = null) =>
        client.SendRawAsync(HttpMethod.Delete, url, body: null, ifMatch);

    public static Task<HttpResponseMessage> FetchAsync(this HttpClient client, string url) => client.GetAsync(url, Ct);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url, Ct)).ExpectAsync(HttpStatusCode.OK);

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static string? StrOrNull(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetString();

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>The ETag header of a response, e.g. <c>"3"</c>.</summary>
    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response has no ETag header.");
}
