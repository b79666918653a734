using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Sales.Leads;

/// <summary>Converting a lead: account (new or existing, duplicate check), contact, opportunity, links, activities, atomicity.</summary>
public sealed class LeadConversionTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Convert_WithOpportunity_CreatesAndLinksEverything_AndMovesActivities()
    {
        var rep = await app.CreateTenantWithUserAsync("Conversion", Roles.SalesRep);
        var lead = await rep.Client.CreateLeadAsync(new
        {
            salutation = "Mr", firstName = "Jan", lastName = "Kraft", company = "Kraft Anlagenbau GmbH", title = "Einkauf",
            email = "jan@kraft.example", phone = "+49 711 555123", source = "Trade fair", ownerId = rep.Id,
            address = new { city = "Stuttgart", postalCode = "70173", country = "DE" },
        });
        await rep.Client.LogCallAsync("lead", lead.Id(), subject: "Qualifying call");

        var converted = await rep.Client.PostJsonAsync($"/api/leads/{lead.Id()}/convert", new { createOpportunity = true, amount = 1_250_000, closeDate = "2027-03-31" })
            .ExpectAsync(HttpStatusCode.OK);

        var accountId = converted.GetProperty("accountId").GetGuid();
        var contactId = converted.GetProperty("contactId").GetGuid();
        var opportunityId = converted.GetProperty("opportunityId").GetGuid();
        Assert.True(converted.GetProperty("accountCreated").GetBoolean());
        Assert.Equal(1, converted.GetProperty("movedActivities").GetInt32());

        var account = await rep.Client.GetJsonAsync($"/api/accounts/{accountId}");
        Assert.Equal("Kraft Anlagenbau GmbH", account.Str("name"));
        var contact = await rep.Client.GetJsonAsync($"/api/contacts/{contactId}");
        Assert.Equal("Kraft", contact.Str("lastName"));
        Assert.Equal(accountId, contact.GetProperty("accountId").GetGuid());
        Assert.Equal("jan@kraft.example", contact.Str("email"));

        var opportunity = await app.InTenantAsync(rep.TenantId, db => db.Opportunities.SingleAsync(o => o.Id == opportunityId, Api.Ct));
        Assert.Equal(accountId, opportunity.AccountId);
        Assert.Equal(1_250_000, opportunity.Amount);
        Assert.Equal("EUR", opportunity.Currency);
        Assert.Equal(rep.Id, opportunity.OwnerId);

        var stored = await rep.Client.GetJsonAsync($"/api/leads/{lead.Id()}");
        Assert.Equal("Converted", stored.Str("status"));
        Assert.Equal(accountId, stored.GetProperty("convertedAccountId").GetGuid());
        Assert.Equal(contactId, stored.GetProperty("convertedContactId").GetGuid());
        Assert.Equal(opportunityId, stored.GetProperty("convertedOpportunityId").GetGuid());
        Assert.Contains("Qualifying call", (await rep.Client.GetJsonAsync($"/api/timeline/contact/{contactId}")).ToString());
        Assert.DoesNotContain("Qualifying call", (await rep.Client.GetJsonAsync($"/api/timeline/lead/{lead.Id()}")).ToString());
    }

    [Fact]
    public async Task Convert_IntoExistingAccount_CreatesOnlyContact()
    {
        var rep = await app.CreateTenantWithUserAsync("Conversion", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Bestand AG");
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Alt", company = "Bestand AG", ownerId = rep.Id });

        var converted = await rep.Client.PostJsonAsync($"/api/leads/{lead.Id()}/convert", new { accountId = account.Id() }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(account.Id(), converted.GetProperty("accountId").GetGuid());
        Assert.False(converted.GetProperty("accountCreated").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, converted.GetProperty("opportunityId").ValueKind);
        Assert.Single((await rep.Client.GetJsonAsync("/api/accounts")).Ids());
    }

    [Fact]
    public async Task Convert_NewAccountWithLikelyDuplicate_Returns409WithCandidates_UnlessAllowed()
    {
        var rep = await app.CreateTenantWithUserAsync("Conversion", Roles.SalesRep);
        var existing = await rep.Client.CreateAccountAsync("Müller Maschinenbau GmbH");
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Neu", company = "Mueller Maschinenbau", ownerId = rep.Id });

        var problem = await rep.Client.PostJsonAsync($"/api/leads/{lead.Id()}/convert", new { }).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(existing.Id().ToString(), problem.GetProperty("duplicates").ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("New", (await rep.Client.GetJsonAsync($"/api/leads/{lead.Id()}")).Str("status"));
        await rep.Client.PostJsonAsync($"/api/leads/{lead.Id()}/convert", new { allowDuplicates = true }).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Convert_FailingAfterAccountWasWritten_LeavesNothingBehind()
    {
        var rep = await app.CreateTenantWithUserAsync("Conversion", Roles.SalesRep);
        await rep.Client.CreateContactAsync(new { lastName = "Schon da", email = "dup@example.com" });
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Doppelt", company = "Ganz Neu GmbH", email = "dup@example.com", ownerId = rep.Id });
        await rep.Client.LogCallAsync("lead", lead.Id(), subject: "Stays with the lead");

        // The account is new (no duplicate), the contact's e-mail is taken: the refusal comes after the account was saved.
        await rep.Client.PostJsonAsync($"/api/leads/{lead.Id()}/convert", new { createOpportunity = true }).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Empty((await rep.Client.GetJsonAsync("/api/accounts")).Ids());
        Assert.Single((await rep.Client.GetJsonAsync("/api/contacts")).Ids());
        Assert.Equal(0, await app.InTenantAsync(rep.TenantId, db => db.Opportunities.CountAsync(Api.Ct)));
        var stored = await rep.Client.GetJsonAsync($"/api/leads/{lead.Id()}");
        Assert.Equal("New", stored.Str("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty("convertedAccountId").ValueKind);
        Assert.Contains("Stays with the lead", (await rep.Client.GetJsonAsync($"/api/timeline/lead/{lead.Id()}")).ToString());
    }

    [Fact]
    public async Task ConvertedLead_CannotBeChangedOrConvertedAgain()
    {
        var rep = await app.CreateTenantWithUserAsync("Conversion", Roles.SalesRep);
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Fertig", company = "Fertig KG", ownerId = rep.Id });
        await rep.Client.PostJsonAsync($"/api/leads/{lead.Id()}/convert", new { }).ExpectAsync(HttpStatusCode.OK);
        var etag = (await rep.Client.FetchAsync($"/api/leads/{lead.Id()}")).ETag();

        await rep.Client.PatchJsonAsync($"/api/leads/{lead.Id()}", new { rating = "Hot" }, etag).ProblemAsync(HttpStatusCode.Conflict);
        await rep.Client.PostJsonAsync($"/api/leads/{lead.Id()}/convert", new { allowDuplicates = true }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Convert_InvisibleLeadOrUnknownAccount_Answers404Or400()
    {
        var rep = await app.CreateTenantWithUserAsync("Conversion", Roles.SalesRep);
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Sicht", ownerId = rep.Id });

        await rep.Client.PostJsonAsync($"/api/leads/{Guid.NewGuid()}/convert", new { }).ProblemAsync(HttpStatusCode.NotFound);
        await rep.Client.PostJsonAsync($"/api/leads/{lead.Id()}/convert", new { accountId = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.BadRequest, "accountId");
    }
}
