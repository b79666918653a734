using System.Net;
using System.Net.Http.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Retention;

/// <summary>Legal holds through the API: administrators only, on records that exist and are visible, audited, released once.</summary>
public sealed class LegalHoldTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Place_ByAdmin_HoldsTheRecordAndIsAudited()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var lead = (await admin.Client.CreateLeadAsync("Disputed")).Id();

        var hold = await admin.Client.PlaceHoldAsync("lead", lead, "Court case 3 O 123/26");

        Assert.True(hold.GetProperty("inForce").GetBoolean());
        Assert.Equal("Court case 3 O 123/26", hold.Str("reason"));
        Assert.Equal(admin.Id, hold.GetProperty("placedBy").GetGuid());
        var listed = await admin.Client.GetJsonAsync($"/api/legal-holds?recordType=lead&recordId={lead}&inForce=true");
        Assert.Equal([hold.Id()], listed.Ids());
        var audit = await app.InTenantAsync(admin.TenantId, db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.Hold, Api.Ct));
        Assert.Equal(lead, audit.RecordId);
        Assert.DoesNotContain("Court", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Place_OnARecordInTheRecycleBin_IsAllowed()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var account = (await admin.Client.CreateAccountAsync("Deleted customer")).Id();
        await admin.Client.RemoveAsync($"/api/accounts/{account}").ExpectAsync(HttpStatusCode.NoContent);

        await admin.Client.PlaceHoldAsync("account", account);
    }

    [Fact]
    public async Task Place_ByNonAdmin_Returns403AndListToo()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var lead = (await rep.Client.CreateLeadAsync("Mine")).Id();

        await rep.Client.PostJsonAsync("/api/legal-holds", new { recordType = "lead", recordId = lead, reason = "x" }).ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.FetchAsync("/api/legal-holds").ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.FetchAsync("/api/retention/rules").ProblemAsync(HttpStatusCode.Forbidden);
        await rep.Client.PostJsonAsync("/api/retention/runs", new { dryRun = true }).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Place_WithoutReasonOrWithUnknownTypeOrRecord_Returns400NamingTheFields()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var other = await app.CreateTenantWithUserAsync("Globex", Roles.Admin);
        var foreignLead = (await other.Client.CreateLeadAsync("Foreign")).Id();
        var lead = (await admin.Client.CreateLeadAsync("Mine")).Id();

        await admin.Client.PostJsonAsync("/api/legal-holds", new { recordType = "lead", recordId = lead, reason = " " }).ProblemAsync(HttpStatusCode.BadRequest, "reason");
        await admin.Client.PostJsonAsync("/api/legal-holds", new { recordType = "spaceship", recordId = lead, reason = "x" }).ProblemAsync(HttpStatusCode.BadRequest, "recordType");
        await admin.Client.PostJsonAsync("/api/legal-holds", new { recordType = "lead", recordId = Guid.NewGuid(), reason = "x" }).ProblemAsync(HttpStatusCode.BadRequest, "recordId");
        await admin.Client.PostJsonAsync("/api/legal-holds", new { recordType = "lead", recordId = foreignLead, reason = "x" }).ProblemAsync(HttpStatusCode.BadRequest, "recordId");
        await admin.Client.PostJsonAsync("/api/legal-holds", new { recordType = "lead", reason = "x" }).ProblemAsync(HttpStatusCode.BadRequest, "recordId");
        await admin.Client.PostJsonAsync("/api/legal-holds", new { recordType = "lead", recordId = lead, reason = new string('x', 501) }).ProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.Empty((await admin.Client.GetJsonAsync("/api/legal-holds")).Ids());
    }

    [Fact]
    public async Task Release_EndsTheHoldOnceAndIsAudited()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var user = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var hold = await admin.Client.PlaceHoldAsync("user", user.Id);

        var released = await admin.Client.PostAsync($"/api/legal-holds/{hold.Id()}/release", null, Api.Ct).ExpectAsync(HttpStatusCode.OK);

        Assert.False(released.GetProperty("inForce").GetBoolean());
        Assert.Equal(admin.Id, released.GetProperty("releasedBy").GetGuid());
        await admin.Client.PostAsync($"/api/legal-holds/{hold.Id()}/release", null, Api.Ct).ProblemAsync(HttpStatusCode.Conflict);
        await admin.Client.PostAsync($"/api/legal-holds/{Guid.NewGuid()}/release", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await admin.Client.GetJsonAsync("/api/legal-holds?inForce=true")).Ids());
        Assert.Equal([hold.Id()], (await admin.Client.GetJsonAsync("/api/legal-holds?inForce=false")).Ids());
        Assert.True(await app.InTenantAsync(admin.TenantId, db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Release && e.RecordId == user.Id, Api.Ct)));
    }

    [Fact]
    public async Task Release_OfAnotherTenantsHold_Returns404()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var globex = await app.CreateTenantWithUserAsync("Globex", Roles.Admin);
        var hold = await acme.Client.PlaceHoldAsync("user", acme.Id);

        await globex.Client.PostAsync($"/api/legal-holds/{hold.Id()}/release", null, Api.Ct).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await globex.Client.GetJsonAsync("/api/legal-holds")).Ids());
    }

    [Fact]
    public async Task Rules_DefaultsAndValidation()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);

        var rules = await admin.Client.GetJsonAsync("/api/retention/rules");
        Assert.False(rules.GetProperty("staleLeadsEnabled").GetBoolean());
        Assert.True(rules.GetProperty("recycleBinEnabled").GetBoolean());
        Assert.Equal(30, rules.GetProperty("recycleBinDays").GetInt32());

        await admin.Client.PutAsJsonAsync("/api/retention/rules", new { staleLeadsEnabled = true, staleLeadMonths = 0, staleLeadAction = "Delete", recycleBinEnabled = true, recycleBinDays = 99999 }, Api.Ct)
            .ProblemAsync(HttpStatusCode.BadRequest, "staleLeadMonths", "recycleBinDays");
        await admin.Client.SendRawAsync(HttpMethod.Put, "/api/retention/rules", """{"staleLeadAction":"Shred"}""").ProblemAsync(HttpStatusCode.BadRequest);
        await admin.Client.SetRetentionRulesAsync(new { staleLeadsEnabled = true, staleLeadMonths = 12, staleLeadAction = "Delete", recycleBinEnabled = false, recycleBinDays = 60 });
        var changed = await admin.Client.GetJsonAsync("/api/retention/rules");
        Assert.Equal("Delete", changed.Str("staleLeadAction"));
        Assert.Equal(12, changed.GetProperty("staleLeadMonths").GetInt32());
        Assert.False(changed.GetProperty("recycleBinEnabled").GetBoolean());
    }

    [Fact]
    public async Task StatutoryPeriods_DefaultsAndValidation()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);

        var periods = (await admin.Client.GetJsonAsync("/api/retention/statutory-periods")).EnumerateArray().ToDictionary(p => p.Str("recordType"), p => p.GetProperty("years").GetInt32());
        Assert.Equal(10, periods["order"]);
        Assert.Equal(10, periods["quote-ordered"]);
        Assert.Equal(6, periods["quote-sent"]);

        await admin.Client.PutAsJsonAsync("/api/retention/statutory-periods", new { periods = new object[] { new { recordType = "invoice", years = 8 }, new { recordType = "order", years = 31 } } }, Api.Ct)
            .ProblemAsync(HttpStatusCode.BadRequest, "periods[0].recordType", "periods[1].years");
        var changed = await admin.Client.PutAsJsonAsync("/api/retention/statutory-periods", new { periods = new[] { new { recordType = "order", years = 8 } } }, Api.Ct).ExpectAsync(HttpStatusCode.OK);
        var order = changed.EnumerateArray().Single(p => p.Str("recordType") == "order");
        Assert.Equal(8, order.GetProperty("years").GetInt32());
        Assert.Equal(10, order.GetProperty("defaultYears").GetInt32());
    }
}
