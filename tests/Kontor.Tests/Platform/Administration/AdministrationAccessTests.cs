using System.Net;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Administration;

public sealed class AdministrationAccessTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEndpoint_AsNonAdministrator_Returns403()
    {
        var admin = await app.CreateTenantWithUserAsync("Guarded");
        var ids = await ArrangeAsync(admin);

        foreach (var role in Roles.All.Where(r => r != Roles.Admin))
        {
            var user = await app.CreateUserAsync(admin.TenantId, [role]);
            foreach (var (method, url, body) in Endpoints(ids))
            {
                var response = await user.Client.SendAsync(method, url, body, ifMatch: "*");
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {method} {url} answered {(int)response.StatusCode}");
            }
        }

        // Nothing changed on the way.
        var user0 = await admin.Client.GetJsonAsync($"/api/users/{ids.User}");
        Assert.True(user0.GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/teams/{ids.Team}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ChangingEndpoints_WithReadOnlyAccessTokenOfAnAdministrator_Return403()
    {
        var admin = await app.CreateTenantWithUserAsync("ReadOnly");
        var ids = await ArrangeAsync(admin);
        var client = await admin.AccessTokenClientAsync(TokenScope.Read);

        foreach (var (method, url, body) in Endpoints(ids))
        {
            var response = await client.SendAsync(method, url, body, ifMatch: "*");
            var expected = method == HttpMethod.Get ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(response.StatusCode == expected, $"{method} {url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryRecordEndpoint_WithIdsOfAnotherTenant_Returns404()
    {
        var owner = await app.CreateTenantWithUserAsync("Owner");
        var ids = await ArrangeAsync(owner);
        var intruder = await app.CreateTenantWithUserAsync("Intruder");
        var ownTeam = await intruder.CreateTeamAsync("Own team");

        foreach (var (method, url, body) in Endpoints(ids).Where(e => e.Url.Contains(ids.User.ToString()) || e.Url.Contains(ids.Team.ToString()) || e.Url.Contains(ids.Site.ToString())))
        {
            var response = await intruder.Client.SendAsync(method, url, body, ifMatch: "*");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode}");
        }

        var removeForeignMember = await intruder.Client.DeleteAsync($"/api/teams/{ownTeam}/members/{ids.User}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, removeForeignMember.StatusCode);
        Assert.DoesNotContain((await intruder.Client.GetJsonAsync("/api/users")).GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetGuid() == ids.User);
        Assert.DoesNotContain((await intruder.Client.GetJsonAsync("/api/teams")).EnumerateArray(), t => t.GetProperty("id").GetGuid() == ids.Team);
        Assert.DoesNotContain((await intruder.Client.GetJsonAsync("/api/sites")).EnumerateArray(), s => s.GetProperty("id").GetGuid() == ids.Site);

        // The owner's records are untouched.
        var user = await owner.Client.GetJsonAsync($"/api/users/{ids.User}");
        Assert.True(user.GetProperty("isActive").GetBoolean());
        Assert.Equal("Member", user.GetProperty("lastName").GetString());
        Assert.Equal(1, (await owner.Client.GetJsonAsync($"/api/teams/{ids.Team}")).GetProperty("memberCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/sites/{ids.Site}", Ct)).StatusCode);
    }

    private sealed record Ids(Guid User, Guid Team, Guid Site);

    private async Task<Ids> ArrangeAsync(TestUser admin)
    {
        var site = await admin.CreateSiteAsync("Guarded site");
        var team = await admin.CreateTeamAsync("Guarded team");
        var user = await admin.CreateUserViaApiAsync(app.NewEmail("member"), "Team", "Member", [Roles.SalesRep], new { teamIds = new[] { team }, siteId = site });
        return new Ids(user, team, site);
    }

    private IEnumerable<(HttpMethod Method, string Url, object? Body)> Endpoints(Ids ids)
    {
        var user = $"/api/users/{ids.User}";
        var team = $"/api/teams/{ids.Team}";
        var site = $"/api/sites/{ids.Site}";
        return
        [
            (HttpMethod.Get, "/api/users", null),
            (HttpMethod.Get, user, null),
            (HttpMethod.Post, "/api/users", new { email = app.NewEmail(), firstName = "A", lastName = "B", roles = new[] { Roles.Admin }, password = KontorAppFactory.Password }),
            (HttpMethod.Patch, user, new { lastName = "Changed" }),
            (HttpMethod.Put, $"{user}/roles", new { roles = new[] { Roles.Admin } }),
            (HttpMethod.Put, $"{user}/manager", new { managerId = (Guid?)null }),
            (HttpMethod.Post, $"{user}/deactivate", null),
            (HttpMethod.Post, $"{user}/reactivate", null),
            (HttpMethod.Post, $"{user}/unlock", null),
            (HttpMethod.Post, $"{user}/reset-mfa", null),
            (HttpMethod.Put, $"{user}/password", new { password = "an entirely new password" }),
            (HttpMethod.Get, "/api/teams", null),
            (HttpMethod.Get, team, null),
            (HttpMethod.Post, "/api/teams", new { name = "Sneaky team" }),
            (HttpMethod.Patch, team, new { name = "Renamed" }),
            (HttpMethod.Post, $"{team}/members", new { userId = ids.User }),
            (HttpMethod.Delete, $"{team}/members/{ids.User}", null),
            (HttpMethod.Delete, team, null),
            (HttpMethod.Get, "/api/sites", null),
            (HttpMethod.Get, site, null),
            (HttpMethod.Post, "/api/sites", new { name = "Sneaky site", country = "DE", timeZone = "Europe/Berlin" }),
            (HttpMethod.Patch, site, new { name = "Renamed" }),
            (HttpMethod.Delete, site, null),
            (HttpMethod.Get, "/api/sharing", null),
            (HttpMethod.Put, "/api/sharing/account", new { level = "ReadWrite" }),
            (HttpMethod.Get, "/api/tenant", null),
            (HttpMethod.Patch, "/api/tenant", new { requireMfa = true }),
        ];
    }
}
