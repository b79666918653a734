using System.Net;
using System.Net.Http.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Platform.Administration;

public sealed class SharingAndTenantTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListSharing_ShowsEveryObjectWithItsRoleMatrixAndLevel()
    {
        var admin = await app.CreateTenantWithUserAsync("Matrix");

        var objects = await admin.Client.GetJsonAsync("/api/sharing");

        var account = objects.EnumerateArray().Single(o => o.GetProperty("key").GetString() == "account");
        Assert.Contains(objects.EnumerateArray(), o => o.GetProperty("key").GetString() == "contact");
        Assert.Equal("Read", account.GetProperty("level").GetString());
        Assert.Equal("Read", account.GetProperty("defaultLevel").GetString());
        var permissions = account.GetProperty("permissions").EnumerateArray().ToDictionary(p => p.GetProperty("role").GetString()!);
        Assert.Equal(Roles.All, permissions.Keys);
        Assert.True(permissions[Roles.Admin].GetProperty("delete").GetBoolean());
        Assert.True(permissions[Roles.InsideSales].GetProperty("edit").GetBoolean());
        Assert.False(permissions[Roles.InsideSales].GetProperty("delete").GetBoolean());
        Assert.False(permissions[Roles.WorksCouncil].GetProperty("read").GetBoolean());
    }

    [Fact]
    public async Task SetSharing_TakesEffectOnTheNextRequest()
    {
        var admin = await app.CreateTenantWithUserAsync("Sharing");
        var owner = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var colleague = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var account = (await (await owner.Client.PostAsJsonAsync("/api/accounts", new { name = "Shared or not KG" }, Ct)).JsonAsync()).GetProperty("id").GetGuid();
        var url = $"/api/accounts/{account}";
        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.GetAsync(url, Ct)).StatusCode);

        var toPrivate = await admin.Client.SendAsync(HttpMethod.Put, "/api/sharing/account", new { level = "Private" });
        var hidden = await colleague.Client.GetAsync(url, Ct);
        var toReadWrite = await admin.Client.SendAsync(HttpMethod.Put, "/api/sharing/account", new { level = "ReadWrite" });
        var edited = await colleague.Client.PatchAsync(url, new { industry = "Retail" }, "*");

        Assert.Equal(HttpStatusCode.OK, toPrivate.StatusCode);
        Assert.Equal("Private", (await toPrivate.JsonAsync()).GetProperty("level").GetString());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, toReadWrite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var listed = (await admin.Client.GetJsonAsync("/api/sharing")).EnumerateArray().Single(o => o.GetProperty("key").GetString() == "account");
        Assert.Equal("ReadWrite", listed.GetProperty("level").GetString());
    }

    [Fact]
    public async Task SetSharing_UnknownObjectOrLevel_IsRefused()
    {
        var admin = await app.CreateTenantWithUserAsync("SharingBad");

        var unknownObject = await admin.Client.SendAsync(HttpMethod.Put, "/api/sharing/spaceship", new { level = "Read" });
        var unknownLevel = await admin.Client.SendAsync(HttpMethod.Put, "/api/sharing/account", new { level = "Everyone" });
        var numericLevel = await admin.Client.SendAsync(HttpMethod.Put, "/api/sharing/account", new { level = 2 });

        Assert.Equal(HttpStatusCode.NotFound, unknownObject.StatusCode);
        Assert.Equal(["level"], await unknownLevel.ErrorFieldsAsync());
        Assert.Equal(["level"], await numericLevel.ErrorFieldsAsync());
    }

    [Fact]
    public async Task SetSharing_InOneTenant_LeavesOtherTenantsAlone()
    {
        var admin = await app.CreateTenantWithUserAsync("SharingOne");
        var other = await app.CreateTenantWithUserAsync("SharingTwo");

        await admin.Client.SendAsync(HttpMethod.Put, "/api/sharing/contact", new { level = "Private" });

        var contact = (await other.Client.GetJsonAsync("/api/sharing")).EnumerateArray().Single(o => o.GetProperty("key").GetString() == "contact");
        Assert.Equal("Read", contact.GetProperty("level").GetString());
    }

    [Fact]
    public async Task TenantSettings_GetAndPatch()
    {
        var admin = await app.CreateTenantWithUserAsync("Settings");
        var name = $"Renamed {Guid.NewGuid():N}";

        var before = await admin.Client.GetJsonAsync("/api/tenant");
        var patched = await admin.Client.PatchAsync("/api/tenant", new { name, defaultCountry = "AT" });
        var after = await admin.Client.GetJsonAsync("/api/tenant");

        Assert.Equal(admin.TenantId, before.GetProperty("id").GetGuid());
        Assert.Equal("DE", before.GetProperty("defaultCountry").GetString());
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(name, after.GetProperty("name").GetString());
        Assert.Equal("AT", after.GetProperty("defaultCountry").GetString());
        Assert.False(after.GetProperty("requireMfa").GetBoolean());
    }

    [Fact]
    public async Task TenantSettings_InvalidPatch_Returns400NamingTheField()
    {
        var admin = await app.CreateTenantWithUserAsync("SettingsBad");
        var other = await app.CreateTenantWithUserAsync("SettingsOther");
        var otherName = (await other.Client.GetJsonAsync("/api/tenant")).GetProperty("name").GetString();

        var country = await admin.Client.PatchAsync("/api/tenant", new { defaultCountry = "Germany" });
        var name = await admin.Client.PatchAsync("/api/tenant", new { name = otherName });
        var empty = await admin.Client.PatchAsync("/api/tenant", new { name = "" });
        var none = await admin.Client.PatchAsync("/api/tenant", new { name = (string?)null });
        var unknown = await admin.Client.PatchAsync("/api/tenant", new { plan = "gold" });

        Assert.Equal(["defaultCountry"], await country.ErrorFieldsAsync());
        Assert.Equal(["name"], await name.ErrorFieldsAsync());
        Assert.Equal(["name"], await empty.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(["name"], await none.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task TenantSettings_RequireMfa_UsersWithoutAuthenticatorGetNoToken()
    {
        var admin = await app.CreateTenantWithUserAsync("RequireMfa");
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);

        var patched = await admin.Client.PatchAsync("/api/tenant", new { requireMfa = true });
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = rep.Email, password = KontorAppFactory.Password }, Ct);

        Assert.True((await patched.JsonAsync()).GetProperty("requireMfa").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
    }
}
