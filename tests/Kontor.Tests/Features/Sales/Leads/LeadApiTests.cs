using System.Net;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales.Leads;

/// <summary>Creating, reading, listing, changing, deleting and restoring leads through the API.</summary>
public sealed class LeadApiTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Create_WithFields_StoresNormalisedLeadInQueueWhenNoRuleMatches()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);

        var lead = await rep.Client.CreateLeadAsync(new
        {
            salutation = "Ms",
            firstName = "Anna",
            lastName = " Berg ",
            company = "Berg Maschinen GmbH",
            email = "Anna.Berg@Example.COM",
            phone = "0711 123456",
            address = new { postalCode = "70173", city = "Stuttgart", country = "DE" },
            source = "Trade fair",
            segment = "Industrie",
            rating = "Hot",
        });

        Assert.Equal("Berg", lead.Str("lastName"));
        Assert.Equal("anna.berg@example.com", lead.Str("email"));
        Assert.Equal("+49711123456", lead.Str("phone"));
        Assert.Equal("New", lead.Str("status"));
        Assert.Equal("Hot", lead.Str("rating"));
        Assert.Null(lead.OwnerOf());
        Assert.True(lead.GetProperty("inQueue").GetBoolean());
    }

    [Fact]
    public async Task Create_WithExplicitOwner_KeepsOwner()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);

        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Kurz", ownerId = rep.Id });

        Assert.Equal(rep.Id, lead.OwnerOf());
    }

    [Fact]
    public async Task Create_WithoutLastNameAndBadPhone_Returns400NamingBoth()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/leads", new { lastName = "", phone = "12" }).ProblemAsync(HttpStatusCode.BadRequest, "lastName", "phone");
    }

    [Fact]
    public async Task Create_DisqualifiedWithoutReason_Returns400()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/leads", new { lastName = "Nein", status = "Disqualified" })
            .ProblemAsync(HttpStatusCode.BadRequest, "disqualificationReason");
    }

    [Fact]
    public async Task Create_AsConverted_Returns400()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);

        await rep.Client.PostJsonAsync("/api/leads", new { lastName = "Schnell", status = "Converted" }).ProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task Patch_WithIfMatch_ChangesFieldsAndBumpsETag()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Vogel", ownerId = rep.Id });
        var get = await rep.Client.FetchAsync($"/api/leads/{lead.Id()}");

        var response = await rep.Client.PatchJsonAsync($"/api/leads/{lead.Id()}", new { status = "Disqualified", disqualificationReason = "No budget" }, get.ETag());
        var changed = await response.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Disqualified", changed.Str("status"));
        Assert.Equal("No budget", changed.Str("disqualificationReason"));
        Assert.NotEqual(get.ETag(), response.ETag());
        await rep.Client.PatchJsonAsync($"/api/leads/{lead.Id()}", new { status = "Working" }, get.ETag()).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await rep.Client.PatchJsonAsync($"/api/leads/{lead.Id()}", new { status = "Working" }, ifMatch: null).ProblemAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task List_FiltersBySearchStatusAndQueue_AndPagesByKeyset()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);
        var mine = await rep.Client.CreateLeadAsync(new { lastName = "Müller", company = "Acme", ownerId = rep.Id });
        var queued = await rep.Client.CreateLeadAsync(new { lastName = "Maier", company = "Beta", status = "Working" });
        var third = await rep.Client.CreateLeadAsync(new { lastName = "Zander", ownerId = rep.Id });

        Assert.Equal([mine.Id()], (await rep.Client.GetJsonAsync("/api/leads?search=mueller")).Ids());
        Assert.Equal([queued.Id()], (await rep.Client.GetJsonAsync("/api/leads?owner=queue")).Ids());
        Assert.Equal([queued.Id()], (await rep.Client.GetJsonAsync("/api/leads?status=Working")).Ids());
        Assert.Equal([queued.Id(), mine.Id(), third.Id()], (await rep.Client.AllPagesAsync("/api/leads?sort=name&limit=1")).SelectMany(p => p.Ids()).ToList());
    }

    [Fact]
    public async Task Delete_ThenRestore_BringsLeadBack()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Weg", ownerId = rep.Id });

        await rep.Client.RemoveAsync($"/api/leads/{lead.Id()}").ExpectAsync(HttpStatusCode.NoContent);
        await rep.Client.FetchAsync($"/api/leads/{lead.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([lead.Id()], (await rep.Client.GetJsonAsync("/api/leads/deleted")).Ids());
        await rep.Client.PostJsonAsync($"/api/leads/{lead.Id()}/restore", new { }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Weg", (await rep.Client.GetJsonAsync($"/api/leads/{lead.Id()}")).Str("lastName"));
    }

    [Fact]
    public async Task Timeline_OfLead_ShowsLoggedCall()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Ruf", ownerId = rep.Id });

        await rep.Client.LogCallAsync("lead", lead.Id(), subject: "First call");

        var timeline = await rep.Client.GetJsonAsync($"/api/timeline/lead/{lead.Id()}");
        Assert.Contains("First call", timeline.ToString());
    }

    [Fact]
    public async Task GlobalSearch_FindsLeadByCompany_LinkingToLeadPage()
    {
        var rep = await app.CreateTenantWithUserAsync("Leads", Roles.SalesRep);
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Sucher", company = "Zwirbel Textil GmbH", ownerId = rep.Id });

        var result = await rep.Client.GetJsonAsync("/api/search?q=zwirbel");

        var group = Assert.Single(result.GetProperty("groups").EnumerateArray(), g => g.Str("type") == "lead");
        var item = Assert.Single(group.GetProperty("items").EnumerateArray());
        Assert.Equal($"/leads/{lead.Id()}", item.Str("url"));
        Assert.Equal("Zwirbel Textil GmbH", item.Str("subtitle"));
    }
}
