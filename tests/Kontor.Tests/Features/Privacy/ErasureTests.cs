using System.Net;
using Kontor.Features.Integration.ImportExport.Imports;
using Kontor.Platform.Retention;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Privacy;

public sealed class ErasureTests(PrivacyAppFactory app) : IClassFixture<PrivacyAppFactory>
{
    [Fact]
    public async Task Erase_Contact_LeavesNoTraceInSearchTimelineHistoryOrListExports()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var account = await admin.Client.CreateAccountAsync("Acme Maschinenbau");
        var contact = await admin.Client.CreateContactAsync(new { firstName = "Erika", lastName = "Zwiebelmann", email = "erika.zwiebelmann@example.com", phone = "+49 30 9988776", accountId = account.Id() });
        await admin.Client.PatchJsonAsync($"/api/contacts/{contact.Id()}", new { jobTitle = "Einkaufsleiterin" }, "*").ExpectAsync(HttpStatusCode.OK);
        await admin.Client.AddNoteAsync("contact", contact.Id(), "Zwiebelmann prefers calls");
        await admin.Client.PostJsonAsync($"/api/contacts/{contact.Id()}/consents", new { purpose = "phone-marketing" }).ExpectAsync(HttpStatusCode.Created);
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var job = new ImportJob("contacts.csv", "none", ImportFormat.Csv, "utf-8", ",", ImportTarget.Contacts, "{}", dryRun: true, admin.Id, app.Clock.GetUtcNow());
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(Api.Ct);
            db.ImportRowErrors.Add(new ImportRowError(job.Id, 2, "email", "Likely a duplicate of \"Erika Zwiebelmann\"; give the row an external id to update it, or import with \"create duplicates\"."));
            db.ImportRowErrors.Add(new ImportRowError(job.Id, 3, "email", "Enter a valid e-mail address."));
            await db.SaveChangesAsync(Api.Ct);
        });
        Assert.NotEmpty((await admin.Client.GetJsonAsync("/api/search?q=Zwiebelmann")).GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()));
        var request = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Erasure");

        var outcome = await admin.Client.EraseAsync(request.Id()).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("anonymised", outcome.Str("treatment"));
        Assert.Equal(1, outcome.GetProperty("activities").GetInt32());
        Assert.Equal(1, outcome.GetProperty("consents").GetInt32());
        Assert.Equal("Completed", (await admin.Client.GetJsonAsync($"/api/privacy/requests/{request.Id()}")).Str("status"));

        var search = await admin.Client.GetJsonAsync("/api/search?q=Zwiebelmann");
        Assert.Empty(search.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()));
        Assert.Empty(await SearchItemsAsync(admin.Client, "9988776"));
        foreach (var timeline in new[] { $"/api/timeline/contact/{contact.Id()}", $"/api/timeline/account/{account.Id()}" })
        {
            var text = (await admin.Client.GetJsonAsync(timeline)).GetRawText();
            Assert.DoesNotContain("Zwiebelmann", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Einkaufsleiterin", text, StringComparison.Ordinal);
            Assert.DoesNotContain("erika", text, StringComparison.OrdinalIgnoreCase);
        }

        var history = await app.InTenantAsync(admin.TenantId, db => db.FieldChanges.CountAsync(c => c.RecordId == contact.Id(), Api.Ct));
        Assert.Equal(0, history);
        var leftInColumns = await app.InTenantAsync(admin.TenantId, db => db.FieldChanges.CountAsync(c => (c.OldValue ?? "").Contains("Zwiebelmann") || (c.NewValue ?? "").Contains("Zwiebelmann"), Api.Ct));
        Assert.Equal(0, leftInColumns);
        var importErrors = await app.InTenantAsync(admin.TenantId, db => db.ImportRowErrors.Select(e => e.Message).ToListAsync(Api.Ct));
        Assert.Equal(["Enter a valid e-mail address."], importErrors);
        Assert.Empty((await admin.Client.GetJsonAsync($"/api/contacts/{contact.Id()}/consents")).EnumerateArray());

        var listExport = await (await admin.Client.FetchAsync("/api/contacts/export?format=csv")).Content.ReadAsStringAsync(Api.Ct);
        Assert.DoesNotContain("Zwiebelmann", listExport, StringComparison.Ordinal);
        Assert.DoesNotContain("erika.zwiebelmann", listExport, StringComparison.Ordinal);
        Assert.DoesNotContain("9988776", listExport, StringComparison.Ordinal);
        var erased = await admin.Client.GetJsonAsync($"/api/contacts/{contact.Id()}");
        Assert.Null(erased.StrOrNull("email"));
        Assert.Null(erased.StrOrNull("firstName"));

        var audit = await app.InTenantAsync(admin.TenantId, db => db.AuditEntries.Where(e => e.RecordId == contact.Id()).Select(e => e.Detail).ToListAsync(Api.Ct));
        Assert.All(audit, detail => Assert.DoesNotContain("Zwiebelmann", detail ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erase_UnderLegalHold_Returns409AndAfterReleaseErases()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync(new { firstName = "Hold", lastName = "Kaltenbrunner" });
        var request = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Erasure");
        var holdId = await app.InTenantAsync(admin.TenantId, async db =>
        {
            var hold = new LegalHold("contact", contact.Id(), "Court case 4 O 123/26", admin.Id, app.Clock.GetUtcNow());
            db.LegalHolds.Add(hold);
            await db.SaveChangesAsync(Api.Ct);
            return hold.Id;
        });

        var refused = await admin.Client.EraseAsync(request.Id()).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("legal hold", refused.Str("title"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Kaltenbrunner", (await admin.Client.GetJsonAsync($"/api/contacts/{contact.Id()}")).Str("lastName"));
        Assert.Equal("Open", (await admin.Client.GetJsonAsync($"/api/privacy/requests/{request.Id()}")).Str("status"));

        await app.InTenantAsync(admin.TenantId, async db =>
        {
            (await db.LegalHolds.SingleAsync(h => h.Id == holdId, Api.Ct)).Release(admin.Id, app.Clock.GetUtcNow());
            await db.SaveChangesAsync(Api.Ct);
        });
        await admin.Client.EraseAsync(request.Id()).ExpectAsync(HttpStatusCode.OK);

        Assert.NotEqual("Kaltenbrunner", (await admin.Client.GetJsonAsync($"/api/contacts/{contact.Id()}")).Str("lastName"));
    }

    [Fact]
    public async Task Erase_Lead_DeletesItWithItsActivities()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var lead = await admin.Client.CreateLeadAsync(new { firstName = "Lena", lastName = "Quastenbeck", email = "lena.q@example.com" });
        await admin.Client.AddNoteAsync("lead", lead.Id(), "Quastenbeck wants ovens");
        var request = await admin.Client.CreatePrivacyRequestAsync("lead", lead.Id(), "Erasure");

        var outcome = await admin.Client.EraseAsync(request.Id()).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("deleted", outcome.Str("treatment"));
        await admin.Client.FetchAsync($"/api/leads/{lead.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await SearchItemsAsync(admin.Client, "Quastenbeck"));
        var left = await app.InTenantAsync(admin.TenantId, async db =>
            await db.Activities.IgnoreQueryFilters([global::Kontor.Platform.Data.KontorDb.Filters.RecycleBin]).CountAsync(a => a.TargetId == lead.Id(), Api.Ct)
            + await db.FieldChanges.CountAsync(c => c.RecordId == lead.Id(), Api.Ct)
            + await db.Leads.IgnoreQueryFilters([global::Kontor.Platform.Data.KontorDb.Filters.RecycleBin]).CountAsync(l => l.Id == lead.Id(), Api.Ct));
        Assert.Equal(0, left);
        Assert.DoesNotContain("Quastenbeck", await (await admin.Client.FetchAsync("/api/leads")).Content.ReadAsStringAsync(Api.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_Employee_AnonymisesTheUserKeepsTheIdAndEndsSignIn()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var rep = await app.CreateUserAsync(admin.TenantId, ["SalesRep"]);
        var owned = await rep.Client.CreateContactAsync("Customer of the rep");
        var request = await admin.Client.CreatePrivacyRequestAsync("employee", rep.Id, "Erasure");

        await admin.Client.EraseAsync(request.Id()).ExpectAsync(HttpStatusCode.OK);

        var user = await app.InTenantAsync(admin.TenantId, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == rep.Id, Api.Ct));
        Assert.False(user.IsActive);
        Assert.DoesNotContain(rep.Email, user.Email, StringComparison.OrdinalIgnoreCase);
        Assert.Null(user.PasswordHash);
        Assert.Equal("", user.FirstName);
        var login = await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = rep.Email, password = KontorAppFactory.Password });
        Assert.False(login.IsSuccessStatusCode);
        Assert.False((await rep.Client.FetchAsync("/api/contacts")).IsSuccessStatusCode);
        Assert.Equal(rep.Id, (await admin.Client.GetJsonAsync($"/api/contacts/{owned.Id()}")).GetProperty("ownerId").GetGuid());
    }

    [Fact]
    public async Task Erase_RequestOfAnotherKind_Returns409()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme");
        var contact = await admin.Client.CreateContactAsync("Kowalski");
        var request = await admin.Client.CreatePrivacyRequestAsync("contact", contact.Id(), "Access");

        await admin.Client.EraseAsync(request.Id()).ProblemAsync(HttpStatusCode.Conflict);
        await admin.Client.EraseAsync(Guid.NewGuid()).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<List<System.Text.Json.JsonElement>> SearchItemsAsync(HttpClient client, string q) =>
        [.. (await client.GetJsonAsync($"/api/search?q={q}")).GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray())];
}
