using System.Net;
using System.Text.Json;
using Kontor.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Hosting;

/// <summary>The OpenAPI document is the contract clients generate code from: it lists every endpoint with every answer.</summary>
public sealed class OpenApiTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    public static TheoryData<string, string, int[]> Endpoints => new()
    {
        { "GET", "/api/accounts", [200, 400] },
        { "GET", "/api/accounts/deleted", [200, 400] },
        { "GET", "/api/accounts/{id}", [200, 404] },
        { "POST", "/api/accounts", [201, 400, 403, 409, 422] },
        { "PATCH", "/api/accounts/{id}", [200, 400, 403, 404, 409, 412, 428] },
        { "DELETE", "/api/accounts/{id}", [204, 403, 404, 412] },
        { "POST", "/api/accounts/{id}/restore", [200, 403, 404, 409] },
        { "POST", "/api/accounts/{id}/merge", [200, 400, 403, 404, 409, 412, 428] },
        { "GET", "/api/accounts/export", [200, 400] },
        { "GET", "/api/contacts", [200, 400] },
        { "GET", "/api/contacts/deleted", [200, 400] },
        { "GET", "/api/contacts/{id}", [200, 404] },
        { "POST", "/api/contacts", [201, 400, 403, 409, 422] },
        { "PATCH", "/api/contacts/{id}", [200, 400, 403, 404, 409, 412, 428] },
        { "DELETE", "/api/contacts/{id}", [204, 403, 404, 412] },
        { "POST", "/api/contacts/{id}/restore", [200, 403, 404, 409] },
        { "POST", "/api/contacts/{id}/merge", [200, 400, 403, 404, 409, 412, 428] },
        { "GET", "/api/contacts/export", [200, 400] },
        { "POST", "/api/auth/login", [200, 400, 401, 403, 429] },
        { "POST", "/api/auth/refresh", [200, 401, 429] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Document_ListsEndpointWithEveryResponseCode(string method, string path, int[] codes)
    {
        var document = await DocumentAsync();

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is missing.");
        Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is missing.");
        var documented = operation.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal(codes.Order(), documented);
    }

    [Fact]
    public async Task Document_ListsEveryApiEndpointOfTheApp()
    {
        var document = await DocumentAsync();
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.StartsWith("/api/docs", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(Endpoints.Select(e => $"{e.Data.Item1} {e.Data.Item2}").Except(mapped));
    }

    [Fact]
    public async Task Document_DescribesProblemsAsProblemJson()
    {
        var document = await DocumentAsync();

        var patch = document.GetProperty("paths").GetProperty("/api/accounts/{id}").GetProperty("patch").GetProperty("responses");
        Assert.True(patch.GetProperty("412").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(patch.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Document_DescribesBearerAuthentication()
    {
        var document = await DocumentAsync();

        Assert.Equal("Kontor API", document.GetProperty("info").Str("title"));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").Str("scheme"));
    }

    [Fact]
    public async Task ApiReference_Answers200WithoutSigningIn()
    {
        var response = await app.CreateClient().FetchAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Kontor API", await response.Content.ReadAsStringAsync(Api.Ct), StringComparison.Ordinal);
    }

    private async Task<JsonElement> DocumentAsync() => await app.CreateClient().GetJsonAsync("/openapi/v1.json");

    /// <summary>/api/accounts/{id:guid}/ → /api/accounts/{id}, as OpenAPI writes paths.</summary>
    private static string Normalise(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "{([^}:]+):[^}]+}", "{$1}").TrimEnd('/');
}
