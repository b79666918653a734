using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Contacts;

public sealed class UpdateContactTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Patch_OneField_ChangesOnlyThatFieldAndReturnsNewETag()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync(new { salutation = "Mr", firstName = "Jan", lastName = "Kowalski", email = "jan@example.com" });

        var response = await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "CFO" }, contact.Str("eTag"));
        var updated = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("CFO", updated.Str("jobTitle"));
        Assert.Equal("Mr", updated.Str("salutation"));
        Assert.Equal("jan@example.com", updated.Str("email"));
        Assert.NotEqual(contact.Str("eTag"), response.ETag());
        var get = await rep.Client.FetchAsync($"/api/contacts/{contact.Id()}");
        Assert.Equal("CFO", (await get.ExpectAsync(HttpStatusCode.OK)).Str("jobTitle"));
        Assert.Equal(response.ETag(), get.ETag());
    }

    [Fact]
    public async Task Patch_FieldsSetToNull_ClearsThem()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var contact = await rep.Client.CreateContactAsync(new { lastName = "Kowalski", firstName = "Jan", accountId = account.Id(), mobilePhone = "0171 1234567" });

        var updated = await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { firstName = (string?)null, accountId = (Guid?)null, mobilePhone = (string?)null }, "*")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, updated.GetProperty("firstName").ValueKind);
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("accountId").ValueKind);
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("mobilePhone").ValueKind);
        Assert.Empty((await rep.Client.GetJsonAsync($"/api/contacts?account={account.Id()}")).Ids());
    }

    [Fact]
    public async Task Patch_MoveToAccountInAnotherCountry_ReadsNewPhoneAsNumberOfThatCountry()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var french = await rep.Client.CreateAccountAsync(new { name = "Renault", billingAddress = new { country = "FR" } });
        var contact = await rep.Client.CreateContactAsync(new { lastName = "Dupont" });

        var updated = await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { accountId = french.Id(), phone = "01 42 68 53 00" }, "*")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("+33142685300", updated.Str("phone"));
        Assert.Equal("Renault", updated.Str("accountName"));
    }

    [Fact]
    public async Task Patch_UnknownField_Returns400NamingIt()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");

        await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { birthday = "1980-01-01" }, "*").ProblemAsync(HttpStatusCode.BadRequest, "birthday");
    }

    [Theory]
    [InlineData("""{"salutation":"Dr"}""", "salutation")]
    [InlineData("""{"salutation":1}""", "salutation")]
    [InlineData("""{"lastName":["Kowalski"]}""", "lastName")]
    [InlineData("""{"accountId":"not-a-guid"}""", "accountId")]
    public async Task Patch_WrongType_Returns400NamingField(string patch, string field)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");

        await rep.Client.SendRawAsync(HttpMethod.Patch, $"/api/contacts/{contact.Id()}", patch, "*").ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Patch_UnknownAccount_Returns400NamingAccountId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");

        await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { accountId = Guid.NewGuid() }, "*").ProblemAsync(HttpStatusCode.BadRequest, "accountId");
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Returns428()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");

        await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "CFO" }, ifMatch: null).ProblemAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task Patch_WithStaleIfMatch_Returns412WithCurrentETag()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");
        var first = await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "CFO" }, contact.Str("eTag"));
        await first.ExpectAsync(HttpStatusCode.OK);

        var stale = await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "CEO" }, contact.Str("eTag"));

        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(first.ETag(), stale.ETag());
        Assert.Equal("CFO", (await rep.Client.GetJsonAsync($"/api/contacts/{contact.Id()}")).Str("jobTitle"));
    }

    [Fact]
    public async Task Patch_WithIfMatchStar_Applies()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");

        var updated = await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { preferredLanguage = "pl" }, "*").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("pl", updated.Str("preferredLanguage"));
    }

    [Fact]
    public async Task Patch_WithMalformedIfMatch_Returns412()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");

        var response = await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "CFO" }, "version-1");

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(contact.Str("eTag"), response.ETag());
    }

    [Fact]
    public async Task Patch_UnknownId_Returns404()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PatchJsonAsync($"/api/contacts/{Guid.NewGuid()}", new { jobTitle = "CFO" }, "*").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_LastNameCleared_Returns400NamingLastName()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var contact = await rep.Client.CreateContactAsync("Kowalski");

        await rep.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { lastName = "" }, "*").ProblemAsync(HttpStatusCode.BadRequest, "lastName");
    }
}
