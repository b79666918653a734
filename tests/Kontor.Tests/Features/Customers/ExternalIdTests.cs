using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers;

public sealed class ExternalIdTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Create_WithExternalIdOfAnotherRecord_Returns400NamingExternalId()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync(new { name = "Alpha GmbH", externalId = " K-1 " });
        var contact = await rep.Client.CreateContactAsync(new { lastName = "Adler", externalId = "P-1" });
        await rep.Client.DeleteAsync($"/api/contacts/{contact.Id()}", Api.Ct);

        await rep.Client.PostJsonAsync("/api/accounts", new { name = "Copy GmbH", externalId = "K-1" }).ProblemAsync(HttpStatusCode.BadRequest, "externalId");
        await rep.Client.PostJsonAsync("/api/contacts", new { lastName = "Copy", externalId = "P-1" }).ProblemAsync(HttpStatusCode.BadRequest, "externalId");
        Assert.Equal("K-1", account.Str("externalId"));
    }

    [Fact]
    public async Task Create_SameExternalIdInAnotherTenant_IsAllowed()
    {
        var one = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var two = await app.CreateTenantWithUserAsync("Globex", Roles.SalesRep);
        await one.Client.CreateAccountAsync(new { name = "Alpha GmbH", externalId = "K-1" });

        var other = await two.Client.CreateAccountAsync(new { name = "Alpha GmbH", externalId = "K-1" });

        Assert.Equal("K-1", other.Str("externalId"));
    }

    [Fact]
    public async Task List_ByExternalId_FindsOnlyThatRecord()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        await rep.Client.CreateAccountAsync(new { name = "Alpha GmbH", externalId = "K-1" });
        var beta = await rep.Client.CreateAccountAsync(new { name = "Beta GmbH", externalId = "K-2" });
        var contact = await rep.Client.CreateContactAsync(new { lastName = "Berg", externalId = "P-2" });

        Assert.Equal([beta.Id()], (await rep.Client.FetchAsync("/api/accounts?externalId=K-2").ExpectAsync(HttpStatusCode.OK)).Ids());
        Assert.Equal([contact.Id()], (await rep.Client.FetchAsync("/api/contacts?externalId=P-2").ExpectAsync(HttpStatusCode.OK)).Ids());
        Assert.Empty((await rep.Client.FetchAsync("/api/contacts?externalId=K-2").ExpectAsync(HttpStatusCode.OK)).Ids());
    }
}
