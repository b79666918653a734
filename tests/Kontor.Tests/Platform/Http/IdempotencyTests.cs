using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Http;

public sealed class IdempotencyTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_RetriedWithSameKey_ReturnsFirstAnswerAndCreatesOnce()
    {
        var rep = await app.CreateTenantWithUserAsync("Idem", "SalesRep");
        var name = $"Retry GmbH {Guid.NewGuid():N}";

        var first = await PostAsync(rep.Client, "/api/accounts", new { name }, "key-1");
        var second = await PostAsync(rep.Client, "/api/accounts", new { name }, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await IdOf(first), await IdOf(second));
        var page = await rep.Client.GetFromJsonAsync<JsonElement>($"/api/accounts?search={Uri.EscapeDataString(name)}", Ct);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Create_SameKeyWithOtherBody_Returns422()
    {
        var rep = await app.CreateTenantWithUserAsync("Idem", "SalesRep");

        await PostAsync(rep.Client, "/api/accounts", new { name = "First GmbH" }, "key-2");
        var reused = await PostAsync(rep.Client, "/api/accounts", new { name = "Second GmbH" }, "key-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_FailedFirstAttempt_ReleasesKeyForCorrectedRetry()
    {
        var rep = await app.CreateTenantWithUserAsync("Idem", "SalesRep");

        var invalid = await PostAsync(rep.Client, "/api/accounts", new { name = "" }, "key-3");
        var corrected = await PostAsync(rep.Client, "/api/accounts", new { name = "Corrected GmbH" }, "key-3");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Create_SameKeyFromAnotherUser_IsIndependent()
    {
        var rep = await app.CreateTenantWithUserAsync("Idem", "SalesRep");
        var colleague = await app.CreateUserAsync(rep.TenantId, ["SalesRep"]);

        var mine = await PostAsync(rep.Client, "/api/contacts", new { lastName = "Keller" }, "shared-key");
        var theirs = await PostAsync(colleague.Client, "/api/contacts", new { lastName = "Keller" }, "shared-key");

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.NotEqual(await IdOf(mine), await IdOf(theirs));
    }

    [Fact]
    public async Task Create_WithOverlongKey_Returns400()
    {
        var rep = await app.CreateTenantWithUserAsync("Idem", "SalesRep");

        var response = await PostAsync(rep.Client, "/api/accounts", new { name = "Long Key AG" }, new string('k', 101));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, Ct);
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
}
