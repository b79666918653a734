using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers;

public sealed class AccountSmokeTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Create_ThenGet_ReturnsNormalisedAccount()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", "SalesRep");
        var ct = TestContext.Current.CancellationToken;

        var created = await rep.Client.PostAsJsonAsync("/api/accounts", new { name = "Müller Maschinenbau GmbH", phone = "0711 123456", billingAddress = new { city = "Stuttgart", country = "DE" } }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(ct);

        var fetched = await rep.Client.GetFromJsonAsync<JsonElement>(created.Headers.Location, ct);
        Assert.Equal("+49711123456", fetched.GetProperty("phone").GetString());
        Assert.Equal(body.GetProperty("id").GetGuid(), fetched.GetProperty("id").GetGuid());

        var page = await rep.Client.GetFromJsonAsync<JsonElement>("/api/accounts?search=mueller", ct);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }
}
