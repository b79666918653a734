using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Administration;

public sealed class SiteEndpointsTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ThenListAndGet_ReturnTheNormalisedSite()
    {
        var admin = await app.CreateTenantWithUserAsync("Sites");

        var created = await admin.Client.PostAsJsonAsync("/api/sites", new { name = "Wien", city = " Wien ", country = "AT", timeZone = "Europe/Vienna" }, Ct);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var list = await admin.Client.GetJsonAsync("/api/sites");
        var site = await admin.Client.GetJsonAsync($"/api/sites/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/sites/{id}", created.Headers.Location?.ToString());
        Assert.Equal(id, list[0].GetProperty("id").GetGuid());
        Assert.Equal("Wien", site.GetProperty("city").GetString());
        Assert.Equal("AT", site.GetProperty("country").GetString());
        Assert.Equal("Europe/Vienna", site.GetProperty("timeZone").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/api/sites/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    public async Task Create_WithoutAnIanaTimeZone_Returns400OnTimeZone(string timeZone)
    {
        var admin = await app.CreateTenantWithUserAsync("Zones");

        var response = await admin.Client.PostAsJsonAsync("/api/sites", new { name = "Somewhere", country = "DE", timeZone }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["timeZone"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Create_WithBadCountryOrTakenName_Returns400NamingTheField()
    {
        var admin = await app.CreateTenantWithUserAsync("SitesBad");
        await admin.CreateSiteAsync("Berlin");

        var country = await admin.Client.PostAsJsonAsync("/api/sites", new { name = "Nowhere", country = "XX", timeZone = "Europe/Berlin" }, Ct);
        var taken = await admin.Client.PostAsJsonAsync("/api/sites", new { name = "Berlin", country = "DE", timeZone = "Europe/Berlin" }, Ct);

        Assert.Equal(["country"], await country.ErrorFieldsAsync());
        Assert.Equal(["name"], await taken.ErrorFieldsAsync());
    }

    [Fact]
    public async Task CreateAndUpdate_WithNullName_Return400OnName()
    {
        var admin = await app.CreateTenantWithUserAsync("SitesNull");
        var site = await admin.CreateSiteAsync("Named");

        var created = await admin.Client.PostAsJsonAsync("/api/sites", new { name = (string?)null, country = "DE", timeZone = "Europe/Berlin" }, Ct);
        var patched = await admin.Client.PatchAsync($"/api/sites/{site}", new { name = (string?)null });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal(["name"], await created.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
        Assert.Equal(["name"], await patched.ErrorFieldsAsync());
        Assert.Equal("Named", (await admin.Client.GetJsonAsync($"/api/sites/{site}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Update_ChangesFieldsAndChecksThem()
    {
        var admin = await app.CreateTenantWithUserAsync("SitesPatch");
        var site = await admin.CreateSiteAsync("Zurich office");

        var changed = await admin.Client.PatchAsync($"/api/sites/{site}", new { country = "CH", timeZone = "Europe/Zurich", city = "Zürich" });
        var invalid = await admin.Client.PatchAsync($"/api/sites/{site}", new { timeZone = "Mars/Olympus" });
        var missing = await admin.Client.PatchAsync($"/api/sites/{Guid.NewGuid()}", new { city = "Ghost" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.JsonAsync();
        Assert.Equal("CH", body.GetProperty("country").GetString());
        Assert.Equal("Zürich", body.GetProperty("city").GetString());
        Assert.Equal("Zurich office", body.GetProperty("name").GetString());
        Assert.Equal(["timeZone"], await invalid.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Delete_UsersAndTeamsLoseTheSite()
    {
        var admin = await app.CreateTenantWithUserAsync("SitesDelete");
        var site = await admin.CreateSiteAsync("Closing office");
        var user = await admin.CreateUserViaApiAsync(app.NewEmail(), "Site", "Worker", [Roles.ServiceAgent], new { siteId = site });
        var team = (await (await admin.Client.PostAsJsonAsync("/api/teams", new { name = "Site team", siteId = site }, Ct)).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(1, (await admin.Client.GetJsonAsync($"/api/sites/{site}")).GetProperty("userCount").GetInt32());

        var deleted = await admin.Client.DeleteAsync($"/api/sites/{site}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.DeleteAsync($"/api/sites/{site}", Ct)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await admin.Client.GetJsonAsync($"/api/users/{user}")).GetProperty("siteId").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await admin.Client.GetJsonAsync($"/api/teams/{team}")).GetProperty("siteId").ValueKind);
    }
}
