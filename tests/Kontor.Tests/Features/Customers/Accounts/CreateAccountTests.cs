using System.Net;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Accounts;

public sealed class CreateAccountTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Create_WithValidAccount_Returns201WithLocationAndETag()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var response = await rep.Client.PostJsonAsync("/api/accounts", new { name = "  Müller Maschinenbau GmbH  ", industry = "Machinery", segment = "Key account" });
        var created = await response.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/accounts/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(created.Str("eTag"), response.ETag());
        Assert.Equal("Müller Maschinenbau GmbH", created.Str("name"));
        Assert.Equal("Machinery", created.Str("industry"));
        Assert.Equal(rep.Id, created.GetProperty("ownerId").GetGuid());
        Assert.Equal("Test SalesRep", created.Str("ownerName"));
    }

    [Fact]
    public async Task Create_ThenGetLocation_Returns200WithSameAccountAndETag()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var response = await rep.Client.PostJsonAsync("/api/accounts", new { name = "Globex", description = "Our best customer" });
        var created = await response.ExpectAsync(HttpStatusCode.Created);

        var get = await rep.Client.FetchAsync(response.Headers.Location!.OriginalString);
        var fetched = await get.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(created.Id(), fetched.Id());
        Assert.Equal("Our best customer", fetched.Str("description"));
        Assert.Equal(response.ETag(), get.ETag());
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.FetchAsync($"/api/accounts/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_PhoneWithoutCountryCode_ReadsItAsNumberOfBillingCountry()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var created = await rep.Client.CreateAccountAsync(new { name = "Renault", phone = "01 42 68 53 00", billingAddress = new { city = "Paris", country = "FR" } });

        Assert.Equal("+33142685300", created.Str("phone"));
        Assert.Equal("FR", created.GetProperty("billingAddress").Str("country"));
    }

    [Fact]
    public async Task Create_PhoneWithoutCountryCodeAndNoBillingCountry_ReadsItAsNumberOfTenantCountry()
    {
        var tenant = await app.CreateTenantAsync("Zürcher Treuhand", country: "CH");
        var rep = await app.CreateUserAsync(tenant, [Roles.SalesRep]);

        var created = await rep.Client.CreateAccountAsync(new { name = "Bank", phone = "044 668 18 00" });

        Assert.Equal("+41446681800", created.Str("phone"));
    }

    [Fact]
    public async Task Create_PhoneWithoutCountryCodeInDefaultTenant_ReadsItAsGermanNumber()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var created = await rep.Client.CreateAccountAsync(new { name = "Bosch", phone = "0711 123456" });

        Assert.Equal("+49711123456", created.Str("phone"));
    }

    [Fact]
    public async Task Create_PhoneWithInternationalPrefix_KeepsItsOwnCountry()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var created = await rep.Client.CreateAccountAsync(new { name = "Paris office", phone = "0033 1 42 68 53 00", billingAddress = new { country = "DE" } });

        Assert.Equal("+33142685300", created.Str("phone"));
    }

    [Fact]
    public async Task Create_WithVatIdWebsiteAndEmail_StoresThemNormalised()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var created = await rep.Client.CreateAccountAsync(new { name = "Müller", vatId = "de 123 456 789", website = "www.mueller.example", email = "Info@Mueller.Example" });

        Assert.Equal("DE123456789", created.Str("vatId"));
        Assert.Equal("https://www.mueller.example", created.Str("website").TrimEnd('/'));
        Assert.Equal("info@mueller.example", created.Str("email"));
    }

    [Fact]
    public async Task Create_WithoutName_Returns400NamingName()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/accounts", new { name = "   ", industry = "Retail" }).ProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task Create_WithSeveralInvalidFields_Returns400NamingEveryField()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/accounts", new
        {
            name = "Acme",
            email = "not-an-address",
            website = "not a web address",
            vatId = "123",
            phone = "call me",
            billingAddress = new { country = "XX" },
        }).ProblemAsync(HttpStatusCode.BadRequest, "email", "website", "vatId", "phone", "billingAddress.country");
    }

    [Fact]
    public async Task Create_PhoneThatIsNoNumberOfTheCountry_Returns400NamingPhone()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var problem = await rep.Client.PostJsonAsync("/api/accounts", new { name = "Acme", phone = "0000 0000" }).ProblemAsync(HttpStatusCode.BadRequest, "phone");

        Assert.Contains("Germany", problem.ErrorOf("phone"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ForAnotherActiveUser_MakesThemOwner()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);

        var created = await rep.Client.CreateAccountAsync(new { name = "Handed over", ownerId = colleague.Id });

        Assert.Equal(colleague.Id, created.GetProperty("ownerId").GetGuid());
        var mine = await colleague.Client.GetJsonAsync("/api/accounts?owner=me");
        Assert.Equal([created.Id()], mine.Ids());
    }

    [Fact]
    public async Task Create_ForUnknownOwner_Returns400NamingOwnerId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/accounts", new { name = "Acme", ownerId = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.BadRequest, "ownerId");
    }

    [Fact]
    public async Task Create_ForDeactivatedOwner_Returns400NamingOwnerId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var leaver = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        await app.SetActiveAsync(leaver, active: false);

        await rep.Client.PostJsonAsync("/api/accounts", new { name = "Acme", ownerId = leaver.Id }).ProblemAsync(HttpStatusCode.BadRequest, "ownerId");
    }

    [Fact]
    public async Task Create_ForUnknownTeamAndParent_Returns400NamingBothFields()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/accounts", new { name = "Acme", insideSalesTeamId = Guid.NewGuid(), parentAccountId = Guid.NewGuid() })
            .ProblemAsync(HttpStatusCode.BadRequest, "insideSalesTeamId", "parentAccountId");
    }

    [Fact]
    public async Task Create_WithParentAndTeam_ShowsTheirNames()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var team = await app.CreateTeamAsync(rep.TenantId, TeamKind.InsideSales);
        var parent = await rep.Client.CreateAccountAsync("Holding AG");

        var child = await rep.Client.CreateAccountAsync(new { name = "Tochter GmbH", parentAccountId = parent.Id(), insideSalesTeamId = team });

        Assert.Equal("Holding AG", child.Str("parentAccountName"));
        Assert.Equal(team, child.GetProperty("insideSalesTeamId").GetGuid());
        Assert.StartsWith("InsideSales", child.Str("insideSalesTeamName"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithDeletedParent_Returns400NamingParentAccountId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var parent = await rep.Client.CreateAccountAsync("Gone AG");
        await rep.Client.RemoveAsync($"/api/accounts/{parent.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        await rep.Client.PostJsonAsync("/api/accounts", new { name = "Orphan", parentAccountId = parent.Id() }).ProblemAsync(HttpStatusCode.BadRequest, "parentAccountId");
    }
}
