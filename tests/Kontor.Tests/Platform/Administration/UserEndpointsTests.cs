using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Kontor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Administration;

public sealed class UserEndpointsTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithAllDetails_Returns201AndTheUserCanSignIn()
    {
        var admin = await app.CreateTenantWithUserAsync("Create");
        var team = await admin.CreateTeamAsync("Inside sales north", "InsideSales");
        var site = await admin.CreateSiteAsync("Stuttgart");
        var email = app.NewEmail("new");

        var response = await admin.Client.PostAsJsonAsync("/api/users", new
        {
            email = email.ToUpperInvariant(),
            firstName = " Jana ",
            lastName = "Krüger",
            roles = new[] { "salesrep", Roles.TeamLead },
            culture = "de-DE",
            managerId = admin.Id,
            siteId = site,
            teamIds = new[] { team },
            mfaRequired = false,
            password = "a long enough password",
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.JsonAsync();
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Jana", user.GetProperty("firstName").GetString());
        Assert.Equal([Roles.SalesRep, Roles.TeamLead], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("de-DE", user.GetProperty("culture").GetString());
        Assert.Equal(admin.Id, user.GetProperty("managerId").GetGuid());
        Assert.Equal("Stuttgart", user.GetProperty("siteName").GetString());
        Assert.Equal("Inside sales north", user.GetProperty("teams")[0].GetProperty("name").GetString());
        Assert.True(user.GetProperty("isActive").GetBoolean());
        Assert.Equal($"/api/users/{user.GetProperty("id").GetGuid()}", response.Headers.Location?.ToString());
        Assert.NotEmpty(response.ETag());

        var client = await app.SignInAsync(email, "a long enough password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/accounts", Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_WithEmailOfAUserInAnotherTenant_Returns400OnEmail()
    {
        var admin = await app.CreateTenantWithUserAsync("Dup");
        var other = await app.CreateTenantWithUserAsync("Other");

        var response = await admin.Client.PostAsJsonAsync("/api/users", new
        {
            email = other.Email,
            firstName = "Copy",
            lastName = "Cat",
            roles = new[] { Roles.SalesRep },
            password = KontorAppFactory.Password,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["email"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Create_WithInvalidFields_Returns400NamingEachField()
    {
        var admin = await app.CreateTenantWithUserAsync("Invalid");
        var foreign = await app.CreateTenantWithUserAsync("Foreign");

        var response = await admin.Client.PostAsJsonAsync("/api/users", new
        {
            email = "not-an-email",
            firstName = "",
            lastName = "Doe",
            roles = new[] { "Overlord" },
            culture = "fr-FR",
            managerId = foreign.Id,
            siteId = Guid.NewGuid(),
            teamIds = new[] { Guid.NewGuid() },
            password = "short",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["culture", "email", "firstName", "managerId", "password", "roles", "siteId", "teamIds"],
            (await response.ErrorFieldsAsync()).Order());
    }

    [Fact]
    public async Task Create_WithoutRoles_Returns400OnRoles()
    {
        var admin = await app.CreateTenantWithUserAsync("NoRoles");

        var response = await admin.Client.PostAsJsonAsync("/api/users", new
        {
            email = app.NewEmail(),
            firstName = "No",
            lastName = "Roles",
            roles = Array.Empty<string>(),
            password = KontorAppFactory.Password,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["roles"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Create_WithNullTeamIds_Returns400OnTeamIds()
    {
        var admin = await app.CreateTenantWithUserAsync("NullTeams");

        var response = await admin.Client.PostAsJsonAsync("/api/users", new
        {
            email = app.NewEmail(),
            firstName = "No",
            lastName = "Teams",
            roles = new[] { Roles.SalesRep },
            teamIds = (Guid[]?)null,
            password = KontorAppFactory.Password,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["teamIds"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task List_FiltersBySearchRoleTeamAndActive()
    {
        var admin = await app.CreateTenantWithUserAsync("List");
        var team = await admin.CreateTeamAsync("Service desk", "Service");
        var anna = await admin.CreateUserViaApiAsync(app.NewEmail("anna"), "Anna", "Zimmermann", [Roles.ServiceAgent], new { teamIds = new[] { team } });
        var bernd = await admin.CreateUserViaApiAsync(app.NewEmail("bernd"), "Bernd", "Yilmaz", [Roles.SalesRep]);
        var carla = await admin.CreateUserViaApiAsync(app.NewEmail("carla"), "Carla", "Xu", [Roles.SalesRep]);
        await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{carla}/deactivate");

        async Task<Guid[]> IdsAsync(string query) =>
            [.. (await admin.Client.GetJsonAsync("/api/users?" + query)).GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid())];

        Assert.Equal([anna], await IdsAsync("search=zimmer"));
        Assert.Equal([anna], await IdsAsync("search=ANNA%20zimmermann"));
        Assert.Equal([bernd], await IdsAsync("search=bernd-"));
        Assert.Equal([bernd, carla], await IdsAsync("role=SalesRep&sort=-name"));
        Assert.Equal([anna], await IdsAsync($"team={team}"));
        Assert.Equal([carla], await IdsAsync("active=false"));
        Assert.DoesNotContain(carla, await IdsAsync("active=true"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.GetAsync("/api/users?role=Overlord", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.GetAsync("/api/users?sort=age", Ct)).StatusCode);
    }

    [Fact]
    public async Task List_PagesWithCursor_VisitsEveryUserOnce()
    {
        var admin = await app.CreateTenantWithUserAsync("Paging");
        for (var i = 0; i < 4; i++)
        {
            // Same names, so the order must fall back to the id.
            await admin.CreateUserViaApiAsync(app.NewEmail("same"), "Same", "Name", [Roles.SalesRep]);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await admin.Client.GetJsonAsync("/api/users?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(5, page.GetProperty("total").GetInt32());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.GetAsync("/api/users?cursor=garbage", Ct)).StatusCode);
    }

    [Fact]
    public async Task Get_UnknownUser_Returns404()
    {
        var admin = await app.CreateTenantWithUserAsync("Get");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/api/users/{Guid.NewGuid()}", Ct)).StatusCode);
        var self = await admin.Client.GetAsync($"/api/users/{admin.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Equal((await self.JsonAsync()).GetProperty("eTag").GetString(), self.ETag());
    }

    [Fact]
    public async Task Update_FollowsIfMatch_428Then412Then200WithNewETag()
    {
        var admin = await app.CreateTenantWithUserAsync("Patch");
        var site = await admin.CreateSiteAsync("Hamburg");
        var id = await admin.CreateUserViaApiAsync(app.NewEmail(), "Old", "Name", [Roles.SalesRep]);
        var url = $"/api/users/{id}";
        var etag = (await admin.Client.GetAsync(url, Ct)).ETag();

        var missing = await admin.Client.PatchAsync(url, new { firstName = "New" });
        var stale = await admin.Client.PatchAsync(url, new { firstName = "New" }, "\"not-the-stamp\"");
        var ok = await admin.Client.PatchAsync(url, new { firstName = "New", siteId = site, mfaRequired = true, culture = "en-US" }, etag);
        var again = await admin.Client.PatchAsync(url, new { lastName = "Again" }, etag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var user = await ok.JsonAsync();
        Assert.Equal("New", user.GetProperty("firstName").GetString());
        Assert.Equal("Name", user.GetProperty("lastName").GetString());
        Assert.Equal(site, user.GetProperty("siteId").GetGuid());
        Assert.True(user.GetProperty("mfaRequired").GetBoolean());
        Assert.Equal("en-US", user.GetProperty("culture").GetString());
        Assert.NotEqual(etag, ok.ETag());
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
    }

    [Fact]
    public async Task Update_WithInvalidOrUnknownFields_Returns400()
    {
        var admin = await app.CreateTenantWithUserAsync("PatchBad");
        var other = await app.CreateTenantWithUserAsync("PatchOther");
        var id = await admin.CreateUserViaApiAsync(app.NewEmail(), "Some", "One", [Roles.SalesRep]);
        var url = $"/api/users/{id}";

        var unknownField = await admin.Client.PatchAsync(url, new { roles = new[] { "Admin" } }, "*");
        var invalid = await admin.Client.PatchAsync(url, new { lastName = "", culture = "xx", siteId = Guid.NewGuid() }, "*");
        var takenEmail = await admin.Client.PatchAsync(url, new { email = other.Email }, "*");

        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(["roles"], await unknownField.ErrorFieldsAsync());
        Assert.Equal(["culture", "lastName", "siteId"], (await invalid.ErrorFieldsAsync()).Order());
        Assert.Equal(["email"], await takenEmail.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Update_NewEmail_EndsSessionsAndSignsInWithTheNewAddress()
    {
        var admin = await app.CreateTenantWithUserAsync("Rename");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var newEmail = app.NewEmail("renamed");

        var response = await admin.Client.PatchAsync($"/api/users/{rep.Id}", new { email = newEmail }, "*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rep.Client.GetAsync("/api/accounts", Ct)).StatusCode);
        var client = await app.SignInAsync(newEmail);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/accounts", Ct)).StatusCode);
    }

    [Fact]
    public async Task ChangeRoles_TakesEffectOnTheUsersNextRequest()
    {
        var admin = await app.CreateTenantWithUserAsync("Roles");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        Assert.Equal(HttpStatusCode.OK, (await rep.Client.GetAsync("/api/accounts", Ct)).StatusCode);

        var toWorksCouncil = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/roles", new { roles = new[] { Roles.WorksCouncil } });
        var created = await rep.Client.PostAsJsonAsync("/api/accounts", new { name = "Not allowed GmbH" }, Ct);
        var toAdmin = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/roles", new { roles = new[] { Roles.Admin, Roles.SalesRep } });
        var adminList = await rep.Client.GetAsync("/api/users", Ct);

        Assert.Equal(HttpStatusCode.OK, toWorksCouncil.StatusCode);
        Assert.Equal([Roles.WorksCouncil], (await toWorksCouncil.JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, toAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminList.StatusCode);
    }

    [Fact]
    public async Task ChangeRoles_InvalidOrSelfDemotionOrStale_IsRefused()
    {
        var admin = await app.CreateTenantWithUserAsync("RolesBad");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);

        var none = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/roles", new { roles = Array.Empty<string>() });
        var unknown = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/roles", new { roles = new[] { "Overlord" } });
        var selfDemotion = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{admin.Id}/roles", new { roles = new[] { Roles.SalesRep } });
        var stale = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/roles", new { roles = new[] { Roles.TeamLead } }, "\"old\"");
        var missing = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{Guid.NewGuid()}/roles", new { roles = new[] { Roles.TeamLead } });

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(["roles"], await none.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, selfDemotion.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal([Roles.Admin], (await admin.Client.GetJsonAsync($"/api/users/{admin.Id}")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task ChangeManager_GivesTheManagerTheReportsRecords()
    {
        var admin = await app.CreateTenantWithUserAsync("Manager");
        await admin.Client.SendAsync(HttpMethod.Put, "/api/sharing/account", new { level = "Private" });
        var lead = await app.CreateUserAsync(admin.TenantId, [Roles.TeamLead]);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var account = (await (await rep.Client.PostAsJsonAsync("/api/accounts", new { name = "Report's customer" }, Ct)).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Client.GetAsync($"/api/accounts/{account}", Ct)).StatusCode);

        var response = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/manager", new { managerId = lead.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(lead.Id, (await response.JsonAsync()).GetProperty("managerId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await lead.Client.GetAsync($"/api/accounts/{account}", Ct)).StatusCode);

        var removed = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/manager", new { managerId = (Guid?)null });
        Assert.Equal(JsonValueKind.Null, (await removed.JsonAsync()).GetProperty("managerId").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Client.GetAsync($"/api/accounts/{account}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ChangeManager_CycleSelfOrForeignManager_Returns400OnManagerId()
    {
        var admin = await app.CreateTenantWithUserAsync("Cycle");
        var foreign = await app.CreateTenantWithUserAsync("CycleForeign");
        var top = await app.CreateUserAsync(admin.TenantId, [Roles.TeamLead]);
        var middle = await app.CreateUserAsync(admin.TenantId, [Roles.TeamLead], managerId: top.Id);
        var bottom = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep], managerId: middle.Id);

        var cycle = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{top.Id}/manager", new { managerId = bottom.Id });
        var self = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{top.Id}/manager", new { managerId = top.Id });
        var other = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{top.Id}/manager", new { managerId = foreign.Id });
        var missing = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{Guid.NewGuid()}/manager", new { managerId = top.Id });
        var stale = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{bottom.Id}/manager", new { managerId = top.Id }, "\"old\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        foreach (var refused in new[] { cycle, self, other })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(["managerId"], await refused.ErrorFieldsAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await admin.Client.GetJsonAsync($"/api/users/{top.Id}")).GetProperty("managerId").ValueKind);
    }

    [Fact]
    public async Task Deactivate_EndsAnExistingBearerTokenAndSignIn_ReactivateAllowsSignInAgain()
    {
        var admin = await app.CreateTenantWithUserAsync("Deactivate");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        Assert.Equal(HttpStatusCode.OK, (await rep.Client.GetAsync("/api/accounts", Ct)).StatusCode);

        var deactivated = await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{rep.Id}/deactivate");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.JsonAsync()).GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await rep.Client.GetAsync("/api/accounts", Ct)).StatusCode);
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = rep.Email, password = KontorAppFactory.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);

        var reactivated = await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{rep.Id}/reactivate");

        Assert.True((await reactivated.JsonAsync()).GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await rep.Client.GetAsync("/api/accounts", Ct)).StatusCode);
        var client = await app.SignInAsync(rep.Email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/accounts", Ct)).StatusCode);
    }

    [Fact]
    public async Task Deactivate_Yourself_Returns409AndYouStayActive()
    {
        var admin = await app.CreateTenantWithUserAsync("SelfDeactivate");

        var response = await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{admin.Id}/deactivate");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/users", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{Guid.NewGuid()}/deactivate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{Guid.NewGuid()}/reactivate")).StatusCode);
    }

    [Fact]
    public async Task Deactivate_Yourself_ExplainsTheRuleInTheCallersLanguage()
    {
        var admin = await app.CreateTenantWithUserAsync("German");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/users/{admin.Id}/deactivate");
        request.Headers.AcceptLanguage.ParseAdd("de-DE");

        var response = await admin.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Sie können sich nicht selbst deaktivieren. Bitten Sie einen anderen Administrator darum.", (await response.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unlock_LockedOutUser_CanSignInAgainAtOnce()
    {
        var admin = await app.CreateTenantWithUserAsync("Unlock");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var anonymous = app.CreateClient();
        for (var i = 0; i < KontorAuth.MaxFailedAttempts; i++)
        {
            await anonymous.PostAsJsonAsync("/api/auth/login", new { email = rep.Email, password = "wrong password 123" }, Ct);
        }

        var locked = await admin.Client.GetJsonAsync($"/api/users/{rep.Id}");
        Assert.Equal(JsonValueKind.String, locked.GetProperty("lockedOutUntil").ValueKind);
        var refused = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = rep.Email, password = KontorAppFactory.Password }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        var unlocked = await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{rep.Id}/unlock");

        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await unlocked.JsonAsync()).GetProperty("lockedOutUntil").ValueKind);
        await app.SignInAsync(rep.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{Guid.NewGuid()}/unlock")).StatusCode);
    }

    [Fact]
    public async Task ResetMfa_DisablesTheAuthenticatorReplacesItsKeyAndEndsSessions()
    {
        var admin = await app.CreateTenantWithUserAsync("Mfa");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var oldKey = await WithUserManagerAsync(rep.Email, async (users, user) =>
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            return await users.GetAuthenticatorKeyAsync(user);
        });
        var client = await SignInWithMfaAsync(rep.Email, oldKey!);
        Assert.True((await admin.Client.GetJsonAsync($"/api/users/{rep.Id}")).GetProperty("mfaEnabled").GetBoolean());

        var response = await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{rep.Id}/reset-mfa");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.JsonAsync()).GetProperty("mfaEnabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/accounts", Ct)).StatusCode);
        var (newKey, codes) = await WithUserManagerAsync(rep.Email, async (users, user) =>
            (await users.GetAuthenticatorKeyAsync(user), await users.CountRecoveryCodesAsync(user)));
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(0, codes);
        await app.SignInAsync(rep.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.SendAsync(HttpMethod.Post, $"/api/users/{Guid.NewGuid()}/reset-mfa")).StatusCode);
    }

    [Fact]
    public async Task SetPassword_ValidatesTheRulesAndEndsSessions()
    {
        var admin = await app.CreateTenantWithUserAsync("Password");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);

        var weak = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/password", new { password = "aaaaaaaaaaaaaa" });
        var empty = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/password", new { password = "" });
        var missing = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{Guid.NewGuid()}/password", new { password = "a brand new password" });
        Assert.Equal(HttpStatusCode.OK, (await rep.Client.GetAsync("/api/accounts", Ct)).StatusCode);

        var set = await admin.Client.SendAsync(HttpMethod.Put, $"/api/users/{rep.Id}/password", new { password = "a brand new password" });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(["password"], await weak.ErrorFieldsAsync());
        Assert.Equal(["password"], await empty.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rep.Client.GetAsync("/api/accounts", Ct)).StatusCode);
        var oldPassword = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = rep.Email, password = KontorAppFactory.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        await app.SignInAsync(rep.Email, "a brand new password");
    }

    private Task<T> WithUserManagerAsync<T>(string email, Func<UserManager<KontorUser>, KontorUser, Task<T>> work) =>
        app.WithServicesAsync(async services =>
        {
            // Arrangement like the sign-in flow: the user is found by e-mail before the tenant is known.
            using var system = services.GetRequiredService<SystemScope>().Enter("test arrangement");
            var users = services.GetRequiredService<UserManager<KontorUser>>();
            var user = await users.Users.SingleAsync(u => u.Email == email, Ct);
            return await work(users, user);
        });

    private async Task<HttpClient> SignInWithMfaAsync(string email, string key)
    {
        var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = KontorAppFactory.Password, twoFactorCode = code }, Ct);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<KontorAppFactory.TokenResponse>(Ct);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }
}
