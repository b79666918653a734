using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Customers;

/// <summary>Edits of records whose owner left or whose parent was deleted, and names that grow when folded.</summary>
public sealed class StaleReferenceTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task PatchAccount_WhoseOwnerWasDeactivated_SavesWithoutChangingTheOwner()
    {
        var lead = await app.CreateTenantWithUserAsync("Leaver", Roles.Admin);
        var leaver = await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep]);
        var account = await leaver.Client.CreateAccountAsync("Handover GmbH");
        var contact = await leaver.Client.CreateContactAsync("Keller", account.Id());
        await app.SetActiveAsync(leaver, active: false);

        var patchedAccount = await lead.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { segment = "Handel" }, account.Str("eTag")).ExpectAsync(HttpStatusCode.OK);
        var patchedContact = await lead.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "Einkauf" }, contact.Str("eTag")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(leaver.Id, patchedAccount.GetProperty("ownerId").GetGuid());
        Assert.Equal(leaver.Id, patchedContact.GetProperty("ownerId").GetGuid());
    }

    [Fact]
    public async Task PatchAccount_HandingItToTheDeactivatedOwner_Returns400()
    {
        var lead = await app.CreateTenantWithUserAsync("Leaver", Roles.Admin);
        var leaver = await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep]);
        await app.SetActiveAsync(leaver, active: false);
        var account = await lead.Client.CreateAccountAsync("Stays GmbH");

        await lead.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { ownerId = leaver.Id }, account.Str("eTag"))
            .ProblemAsync(HttpStatusCode.BadRequest, "ownerId");
    }

    [Fact]
    public async Task PatchAccount_WithOwnerNull_Returns400InsteadOfTakingItOver()
    {
        var lead = await app.CreateTenantWithUserAsync("Owner", Roles.Admin);
        var rep = await app.CreateUserAsync(lead.TenantId, [Roles.SalesRep]);
        var account = await rep.Client.CreateAccountAsync("Kept GmbH");

        await lead.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { ownerId = (Guid?)null }, account.Str("eTag"))
            .ProblemAsync(HttpStatusCode.BadRequest, "ownerId");
    }

    [Fact]
    public async Task PatchSubAccount_WhoseParentIsInTheRecycleBin_Saves()
    {
        var rep = await app.CreateTenantWithUserAsync("Group", Roles.SalesRep);
        var parent = await rep.Client.CreateAccountAsync("Holding AG");
        var child = await rep.Client.CreateAccountAsync(new { name = "Tochter GmbH", parentAccountId = parent.Id() });
        await rep.Client.RemoveAsync($"/api/accounts/{parent.Id()}").ExpectAsync(HttpStatusCode.NoContent);

        var patched = await rep.Client.PatchJsonAsync($"/api/accounts/{child.Id()}", new { segment = "Industrie" }, child.Str("eTag")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(parent.Id(), patched.GetProperty("parentAccountId").GetGuid());
    }

    [Fact]
    public async Task Create_WithNamesFullOfUmlauts_SavesAndSortsThem()
    {
        var rep = await app.CreateTenantWithUserAsync("Umlaut", Roles.SalesRep);

        // Folding doubles every umlaut (ä → ae): the sort and search columns must hold twice the name.
        var account = await rep.Client.CreateAccountAsync(new string('Ä', 200));
        var contact = await rep.Client.CreateContactAsync(new { firstName = new string('ö', 100), lastName = new string('ü', 100), jobTitle = new string('ß', 150), accountId = account.Id() });

        Assert.Equal(200, account.Str("name").Length);
        Assert.Equal(100, contact.Str("lastName").Length);
        var found = await rep.Client.GetJsonAsync($"/api/contacts?search={Uri.EscapeDataString(new string('ü', 10))}");
        Assert.Equal([contact.Id()], found.Ids());
    }
}
