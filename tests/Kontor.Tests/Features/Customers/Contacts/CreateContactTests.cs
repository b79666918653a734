using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Contacts;

public sealed class CreateContactTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Create_WithValidContact_Returns201WithLocationETagAndNormalisedValues()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Müller GmbH");

        var response = await rep.Client.PostJsonAsync("/api/contacts", new
        {
            salutation = "Ms",
            title = " Dr. ",
            firstName = "Anna",
            lastName = " Schmidt ",
            jobTitle = "Head of purchasing",
            email = "Anna.Schmidt@Mueller.Example",
            preferredLanguage = "de",
            accountId = account.Id(),
        });
        var created = await response.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/contacts/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(created.Str("eTag"), response.ETag());
        Assert.Equal("Ms", created.Str("salutation"));
        Assert.Equal("Dr. Anna Schmidt", created.Str("fullName"));
        Assert.Equal("anna.schmidt@mueller.example", created.Str("email"));
        Assert.Equal("Müller GmbH", created.Str("accountName"));
        Assert.Equal(rep.Id, created.GetProperty("ownerId").GetGuid());
    }

    [Fact]
    public async Task Create_ThenGet_Returns200WithSameContactAndETag()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var response = await rep.Client.PostJsonAsync("/api/contacts", new { firstName = "Jan", lastName = "Kowalski" });
        var created = await response.ExpectAsync(HttpStatusCode.Created);

        var get = await rep.Client.FetchAsync(response.Headers.Location!.OriginalString);
        var fetched = await get.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(created.Id(), fetched.Id());
        Assert.Equal("Kowalski", fetched.Str("lastName"));
        Assert.Equal("None", fetched.Str("salutation"));
        Assert.Equal(JsonValueKind.Null, fetched.GetProperty("accountId").ValueKind);
        Assert.Equal(response.ETag(), get.ETag());
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.FetchAsync($"/api/contacts/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_PhonesWithoutCountryCode_ReadsThemAsNumbersOfTheAccountsCountry()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Renault", billingAddress = new { country = "FR" } });

        var created = await rep.Client.CreateContactAsync(new { lastName = "Dupont", phone = "01 42 68 53 00", mobilePhone = "06 12 34 56 78", accountId = account.Id() });

        Assert.Equal("+33142685300", created.Str("phone"));
        Assert.Equal("+33612345678", created.Str("mobilePhone"));
    }

    [Fact]
    public async Task Create_PhoneWithoutCountryCodeAndNoAccount_ReadsItAsNumberOfTheTenantsCountry()
    {
        var tenant = await app.CreateTenantAsync("Zürcher Treuhand", country: "CH");
        var rep = await app.CreateUserAsync(tenant, [Roles.SalesRep]);
        var accountWithoutCountry = await rep.Client.CreateAccountAsync("No country");

        var alone = await rep.Client.CreateContactAsync(new { lastName = "Meier", phone = "044 668 18 00" });
        var atAccount = await rep.Client.CreateContactAsync(new { lastName = "Huber", phone = "044 668 18 00", accountId = accountWithoutCountry.Id() });

        Assert.Equal("+41446681800", alone.Str("phone"));
        Assert.Equal("+41446681800", atAccount.Str("phone"));
    }

    [Fact]
    public async Task Create_PhoneWithoutCountryCodeInDefaultTenant_ReadsItAsGermanNumber()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        var created = await rep.Client.CreateContactAsync(new { lastName = "Meier", mobilePhone = "0171 1234567" });

        Assert.Equal("+491711234567", created.Str("mobilePhone"));
    }

    [Fact]
    public async Task Create_WithoutLastName_Returns400NamingLastName()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/contacts", new { firstName = "Anna" }).ProblemAsync(HttpStatusCode.BadRequest, "lastName");
    }

    [Fact]
    public async Task Create_WithSeveralInvalidFields_Returns400NamingEveryField()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/contacts", new
        {
            lastName = "Meier",
            email = "meier@",
            phone = "12",
            mobilePhone = "0000 0000",
            preferredLanguage = "german",
            title = new string('x', 41),
        }).ProblemAsync(HttpStatusCode.BadRequest, "email", "phone", "mobilePhone", "preferredLanguage", "title");
    }

    [Fact]
    public async Task Create_ForUnknownAccount_Returns400NamingAccountId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/contacts", new { lastName = "Meier", accountId = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.BadRequest, "accountId");
    }

    [Fact]
    public async Task Create_ForDeletedAccount_Returns400NamingAccountId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Gone");
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        await rep.Client.PostJsonAsync("/api/contacts", new { lastName = "Meier", accountId = account.Id() }).ProblemAsync(HttpStatusCode.BadRequest, "accountId");
    }

    [Fact]
    public async Task Create_ForUnknownOwner_Returns400NamingOwnerId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/contacts", new { lastName = "Meier", ownerId = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.BadRequest, "ownerId");
    }

    [Fact]
    public async Task Create_ForColleague_MakesThemOwner()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);

        var created = await rep.Client.CreateContactAsync(new { lastName = "Meier", ownerId = colleague.Id });

        Assert.Equal(colleague.Id, created.GetProperty("ownerId").GetGuid());
        Assert.Equal([created.Id()], (await colleague.Client.GetJsonAsync("/api/contacts?owner=me")).Ids());
    }
}
