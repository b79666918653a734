using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers.Accounts;

public sealed class UpdateAccountTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Patch_OneField_ChangesOnlyThatFieldAndReturnsNewETag()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", industry = "Retail", email = "info@acme.example", billingAddress = new { city = "Köln" } });

        var response = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Wholesale" }, account.Str("eTag"));
        var updated = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Wholesale", updated.Str("industry"));
        Assert.Equal("Acme", updated.Str("name"));
        Assert.Equal("info@acme.example", updated.Str("email"));
        Assert.Equal("Köln", updated.GetProperty("billingAddress").Str("city"));
        Assert.NotEqual(account.Str("eTag"), response.ETag());
        Assert.Equal(updated.Str("eTag"), response.ETag());
        var get = await rep.Client.FetchAsync($"/api/accounts/{account.Id()}");
        Assert.Equal("Wholesale", (await get.ExpectAsync(HttpStatusCode.OK)).Str("industry"));
        Assert.Equal(response.ETag(), get.ETag());
    }

    [Fact]
    public async Task Patch_FieldSetToNull_ClearsIt()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", industry = "Retail", phone = "030 123456" });

        var updated = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = (string?)null, phone = (string?)null }, "*")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, updated.GetProperty("industry").ValueKind);
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("phone").ValueKind);
        var found = await rep.Client.GetJsonAsync("/api/accounts?search=030123456");
        Assert.Empty(found.Ids());
    }

    [Fact]
    public async Task Patch_PartOfBillingAddress_KeepsTheOtherParts()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", billingAddress = new { street = "Hauptstraße 1", postalCode = "50667", city = "Köln", country = "DE" } });

        var updated = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { billingAddress = new { postalCode = "10115", city = "Berlin" } }, "*")
            .ExpectAsync(HttpStatusCode.OK);

        var address = updated.GetProperty("billingAddress");
        Assert.Equal("Hauptstraße 1", address.Str("street"));
        Assert.Equal("10115", address.Str("postalCode"));
        Assert.Equal("Berlin", address.Str("city"));
        Assert.Equal("DE", address.Str("country"));
    }

    [Fact]
    public async Task Patch_BillingAddressSetToNull_ClearsTheWholeAddress()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", billingAddress = new { street = "Hauptstraße 1", city = "Köln", country = "DE" } });

        var updated = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { billingAddress = (object?)null }, "*").ExpectAsync(HttpStatusCode.OK);

        var address = updated.GetProperty("billingAddress");
        Assert.Equal(JsonValueKind.Null, address.GetProperty("street").ValueKind);
        Assert.Equal(JsonValueKind.Null, address.GetProperty("city").ValueKind);
        Assert.Equal(JsonValueKind.Null, address.GetProperty("country").ValueKind);
        Assert.Empty((await rep.Client.GetJsonAsync("/api/accounts?search=koeln")).Ids());
    }

    [Fact]
    public async Task Patch_AddressAsReturnedByGet_IsAccepted()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", billingAddress = new { street = "Hauptstraße 1", city = "Köln" } });
        var stored = await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}");

        // A client copies the billing address into the shipping address.
        var body = $$"""{"shippingAddress": {{stored.GetProperty("billingAddress").GetRawText()}}}""";
        var updated = await rep.Client.SendRawAsync(HttpMethod.Patch, $"/api/accounts/{account.Id()}", body, "*").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Köln", updated.GetProperty("shippingAddress").Str("city"));
    }

    [Fact]
    public async Task Patch_PhoneWithNewBillingCountry_ReadsPhoneAsNumberOfThatCountry()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        var updated = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { phone = "01 42 68 53 00", billingAddress = new { country = "FR" } }, "*")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("+33142685300", updated.Str("phone"));
    }

    [Fact]
    public async Task Patch_WithApplicationJsonContentType_IsAccepted()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        var updated = await rep.Client.SendRawAsync(HttpMethod.Patch, $"/api/accounts/{account.Id()}", """{"segment":"SMB"}""", "*").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("SMB", updated.Str("segment"));
    }

    [Fact]
    public async Task Patch_UnknownField_Returns400NamingItAndChangesNothing()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Renamed", revenue = 5 }, "*").ProblemAsync(HttpStatusCode.BadRequest, "revenue");

        Assert.Equal("Acme", (await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}")).Str("name"));
    }

    [Fact]
    public async Task Patch_UnknownNestedField_Returns400NamingIt()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { billingAddress = new { town = "Köln" } }, "*")
            .ProblemAsync(HttpStatusCode.BadRequest, "billingAddress.town");
    }

    [Fact]
    public async Task Patch_WrongType_Returns400NamingField()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { ownerId = 42 }, "*").ProblemAsync(HttpStatusCode.BadRequest, "ownerId");
    }

    [Fact]
    public async Task Patch_MandatoryNameSetToNull_Returns400NamingName()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = (string?)null }, "*").ProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Returns428AndChangesNothing()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Renamed" }, ifMatch: null).ProblemAsync(HttpStatusCode.PreconditionRequired);

        Assert.Equal("Acme", (await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}")).Str("name"));
    }

    [Fact]
    public async Task Patch_WithStaleIfMatch_Returns412WithCurrentETagAndKeepsTheOtherChange()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var first = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "First change" }, account.Str("eTag"));
        await first.ExpectAsync(HttpStatusCode.OK);

        var stale = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Second change" }, account.Str("eTag"));

        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(first.ETag(), stale.ETag());
        Assert.Equal("First change", (await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}")).Str("name"));

        var retried = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Second change" }, stale.ETag()).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Second change", retried.Str("name"));
    }

    [Fact]
    public async Task Patch_WithIfMatchStar_AppliesWhateverIsStored()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);

        var updated = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { segment = "SMB" }, "*").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Retail", updated.Str("industry"));
        Assert.Equal("SMB", updated.Str("segment"));
    }

    [Fact]
    public async Task Patch_WithWeakETag_Returns412BecauseIfMatchComparesStrongly()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        var response = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { segment = "SMB" }, "W/" + account.Str("eTag"));

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(account.Str("eTag"), response.ETag());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"abc\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"")]
    public async Task Patch_WithMalformedIfMatch_Returns412WithCurrentETag(string ifMatch)
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        var response = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Renamed" }, ifMatch);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(account.Str("eTag"), response.ETag());
    }

    [Fact]
    public async Task Patch_UnknownId_Returns404()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);

        await rep.Client.PatchJsonAsync($"/api/accounts/{Guid.NewGuid()}", new { name = "Renamed" }, "*").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_DeletedAccount_Returns404()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        await rep.Client.RemoveAsync($"/api/accounts/{account.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { name = "Renamed" }, "*").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_ParentIsTheAccountItself_Returns400NamingParentAccountId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { parentAccountId = account.Id() }, "*")
            .ProblemAsync(HttpStatusCode.BadRequest, "parentAccountId");
    }

    [Fact]
    public async Task Patch_ParentIsADescendant_Returns400NamingParentAccountId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var holding = await rep.Client.CreateAccountAsync("Holding");
        var child = await rep.Client.CreateAccountAsync(new { name = "Child", parentAccountId = holding.Id() });
        var grandchild = await rep.Client.CreateAccountAsync(new { name = "Grandchild", parentAccountId = child.Id() });

        await rep.Client.PatchJsonAsync($"/api/accounts/{holding.Id()}", new { parentAccountId = grandchild.Id() }, "*")
            .ProblemAsync(HttpStatusCode.BadRequest, "parentAccountId");
        Assert.Equal(JsonValueKind.Null, (await rep.Client.GetJsonAsync($"/api/accounts/{holding.Id()}")).GetProperty("parentAccountId").ValueKind);
    }

    [Fact]
    public async Task Patch_ParentIsADescendantBelowADeletedAccount_Returns400NamingParentAccountId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var holding = await rep.Client.CreateAccountAsync("Holding");
        var child = await rep.Client.CreateAccountAsync(new { name = "Child", parentAccountId = holding.Id() });
        var grandchild = await rep.Client.CreateAccountAsync(new { name = "Grandchild", parentAccountId = child.Id() });
        await rep.Client.RemoveAsync($"/api/accounts/{child.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        // Restoring the child later would otherwise close the cycle.
        await rep.Client.PatchJsonAsync($"/api/accounts/{holding.Id()}", new { parentAccountId = grandchild.Id() }, "*")
            .ProblemAsync(HttpStatusCode.BadRequest, "parentAccountId");
    }

    [Fact]
    public async Task Patch_ParentIsASibling_IsAccepted()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var holding = await rep.Client.CreateAccountAsync("Holding");
        var first = await rep.Client.CreateAccountAsync(new { name = "First", parentAccountId = holding.Id() });
        var second = await rep.Client.CreateAccountAsync(new { name = "Second", parentAccountId = holding.Id() });

        var updated = await rep.Client.PatchJsonAsync($"/api/accounts/{second.Id()}", new { parentAccountId = first.Id() }, "*").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("First", updated.Str("parentAccountName"));
    }

    [Fact]
    public async Task Patch_UnknownOwnerTeamAndParent_Returns400NamingEachField()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");

        await rep.Client.PatchJsonAsync(
                $"/api/accounts/{account.Id()}",
                new { ownerId = Guid.NewGuid(), insideSalesTeamId = Guid.NewGuid(), parentAccountId = Guid.NewGuid() },
                "*")
            .ProblemAsync(HttpStatusCode.BadRequest, "ownerId", "insideSalesTeamId", "parentAccountId");
    }

    [Fact]
    public async Task Patch_OwnerAndTeam_HandsTheAccountOver()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var colleague = await app.CreateUserAsync(rep.TenantId, [Roles.SalesRep]);
        var team = await app.CreateTeamAsync(rep.TenantId, TeamKind.InsideSales);
        var account = await rep.Client.CreateAccountAsync("Acme");

        var updated = await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { ownerId = colleague.Id, insideSalesTeamId = team }, "*")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(colleague.Id, updated.GetProperty("ownerId").GetGuid());
        Assert.Equal(team, updated.GetProperty("insideSalesTeamId").GetGuid());
        Assert.Equal([account.Id()], (await colleague.Client.GetJsonAsync("/api/accounts?owner=me")).Ids());
    }

    [Fact]
    public async Task Patch_InvalidValues_Returns400NamingFieldsAndChangesNothing()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Acme", email = "info@acme.example" });

        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { email = "nope", name = new string('x', 201) }, "*")
            .ProblemAsync(HttpStatusCode.BadRequest, "email", "name");

        var stored = await rep.Client.GetJsonAsync($"/api/accounts/{account.Id()}");
        Assert.Equal("info@acme.example", stored.Str("email"));
        Assert.Equal(account.Str("eTag"), stored.Str("eTag"));
    }
}
