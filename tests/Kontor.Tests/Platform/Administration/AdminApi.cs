using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Administration;

/// <summary>Request helpers for the administration API tests.</summary>
internal static class AdminApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = method == HttpMethod.Patch
                ? new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/merge-patch+json")
                : JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string url, object body, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Patch, url, body, ifMatch);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    /// <summary>The field names of a 400 validation problem.</summary>
    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        var problem = await response.JsonAsync();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    public static string ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? "";

    /// <summary>Creates a user through <c>POST /api/users</c> and returns its id.</summary>
    public static async Task<Guid> CreateUserViaApiAsync(this TestUser admin, string email, string firstName, string lastName, string[] roles, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["email"] = email,
            ["firstName"] = firstName,
            ["lastName"] = lastName,
            ["roles"] = roles,
            ["password"] = KontorAppFactory.Password,
        };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        var response = await admin.Client.PostAsJsonAsync("/api/users", body, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Issues a personal access token of the user and returns a client that sends it.</summary>
    public static async Task<HttpClient> AccessTokenClientAsync(this TestUser user, TokenScope scope)
    {
        var secret = "";
        await user.App.InTenantAsync(user.TenantId, async db =>
        {
            var (token, issued) = PersonalAccessToken.Issue(user.Id, $"{scope} token", scope, DateTimeOffset.UtcNow, null);
            db.PersonalAccessTokens.Add(token);
            await db.SaveChangesAsync(Ct);
            secret = issued;
        });
        return user.App.CreateBearerClient(secret);
    }

    public static async Task<Guid> CreateTeamAsync(this TestUser admin, string name, string kind = "Other")
    {
        var response = await admin.Client.PostAsJsonAsync("/api/teams", new { name, kind }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateSiteAsync(this TestUser admin, string name, string country = "DE", string timeZone = "Europe/Berlin")
    {
        var response = await admin.Client.PostAsJsonAsync("/api/sites", new { name, country, timeZone }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}
