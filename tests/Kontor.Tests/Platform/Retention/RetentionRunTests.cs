using System.Net;
using System.Net.Http.Json;
using Kontor.Features.Sales.Forecasts;
using Kontor.Features.Sales.Targets;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Retention.Runs;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Retention;

/// <summary>
/// The retention job on a fake clock: what is due goes, one day earlier it stays, legal holds keep records, a dry run
/// lists exactly what the real run then removes, a failing source does not stop the others, and one tenant never has
/// two runs at once.
/// </summary>
public sealed class RetentionRunTests(RetentionAppFactory app) : IClassFixture<RetentionAppFactory>, IDisposable
{
    private const int Months = 1;

    public void Dispose() => app.Probe.Reset();

    [Fact]
    public async Task StaleLeads_OneDayPastThePeriod_GoAndOneDayBeforeItStay()
    {
        var (admin, rep) = await TenantAsync();
        var start = app.Clock.GetUtcNow();
        var due = (await rep.Client.CreateLeadAsync("Due")).Id();
        await admin.Client.SetRetentionRulesAsync(Rules("Delete"));
        app.Clock.Advance(TimeSpan.FromDays(2));
        var notYet = (await (await app.SignInAsync(rep.Email)).CreateLeadAsync("Not yet")).Id();

        app.Clock.SetUtcNow(start.AddMonths(Months).AddDays(1));
        var run = await (await app.SignInAsync(admin.Email)).RunRetentionAsync(dryRun: false);

        Assert.Equal([due], run.ItemIds("stale-leads"));
        Assert.Equal(1, run.SourceReport("stale-leads").GetProperty("deleted").GetInt32());
        Assert.False(await LeadExistsAsync(admin.TenantId, due));
        Assert.True(await LeadExistsAsync(admin.TenantId, notYet));
    }

    [Fact]
    public async Task StaleLeads_UnderLegalHold_StayAndCountAsHeld()
    {
        var (admin, rep) = await TenantAsync();
        var held = (await rep.Client.CreateLeadAsync("Disputed")).Id();
        var free = (await rep.Client.CreateLeadAsync("Forgotten")).Id();
        await admin.Client.PlaceHoldAsync("lead", held);
        await admin.Client.SetRetentionRulesAsync(Rules("Delete"));

        app.Clock.Advance(TimeSpan.FromDays(40));
        var run = await (await app.SignInAsync(admin.Email)).RunRetentionAsync(dryRun: false);

        Assert.Equal([free], run.ItemIds("stale-leads"));
        Assert.Equal(1, run.SourceReport("stale-leads").GetProperty("held").GetInt32());
        Assert.True(await LeadExistsAsync(admin.TenantId, held));
        Assert.False(await LeadExistsAsync(admin.TenantId, free));
    }

    [Fact]
    public async Task DryRun_ChangesNothingAndListsWhatTheRealRunThenRemoves()
    {
        var (admin, rep) = await TenantAsync();
        var leads = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            leads.Add((await rep.Client.CreateLeadAsync($"Lead {i}")).Id());
        }

        await admin.Client.SetRetentionRulesAsync(Rules("Delete"));
        app.Clock.Advance(TimeSpan.FromDays(40));
        var client = await app.SignInAsync(admin.Email);

        var dry = await client.RunRetentionAsync(dryRun: true);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(leads.Order(), dry.ItemIds("stale-leads").Order());
        foreach (var lead in leads)
        {
            Assert.True(await LeadExistsAsync(admin.TenantId, lead));
        }

        var real = await client.RunRetentionAsync(dryRun: false);
        Assert.Equal(dry.ItemIds("stale-leads"), real.ItemIds("stale-leads"));
        foreach (var lead in leads)
        {
            Assert.False(await LeadExistsAsync(admin.TenantId, lead));
        }
    }

    [Fact]
    public async Task PurgedLead_LeavesNoTraceInSearchTimelineOrFieldHistory()
    {
        var (admin, rep) = await TenantAsync();
        var lead = await rep.Client.CreateLeadAsync(new { lastName = "Quellenbach", email = "quellenbach@example.org" });
        var id = lead.Id();
        await rep.Client.PatchJsonAsync($"/api/leads/{id}", new { firstName = "Zacharias" }, "*").ExpectAsync(HttpStatusCode.OK);
        await rep.Client.AddNoteAsync("lead", id, "Zacharias Quellenbach called about prices");
        Assert.Contains("Quellenbach", (await rep.Client.GetJsonAsync("/api/search?q=Quellenbach")).GetProperty("groups").GetRawText(), StringComparison.Ordinal);
        await admin.Client.SetRetentionRulesAsync(Rules("Delete"));

        app.Clock.Advance(TimeSpan.FromDays(40));
        await app.RunRetentionJobAsync();

        var client = await app.SignInAsync(rep.Email);
        Assert.DoesNotContain("Quellenbach", (await client.GetJsonAsync("/api/search?q=Quellenbach")).GetProperty("groups").GetRawText(), StringComparison.Ordinal);
        await client.FetchAsync($"/api/leads/{id}").ProblemAsync(HttpStatusCode.NotFound);
        await client.FetchAsync($"/api/timeline/lead/{id}").ProblemAsync(HttpStatusCode.NotFound);
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            Assert.False(await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(a => a.TargetId == id, Api.Ct));
            Assert.False(await db.FieldChanges.AnyAsync(c => c.RecordId == id, Api.Ct));
            Assert.False(await db.FieldChanges.AnyAsync(c => c.OldValue!.Contains("Quellenbach") || c.NewValue!.Contains("Quellenbach"), Api.Ct));
            Assert.False(await db.OutboxEvents.AnyAsync(e => e.Payload.Contains("Quellenbach"), Api.Ct));
        });
    }

    [Fact]
    public async Task PurgedContact_FromTheRecycleBin_LeavesNoTraceInExportSearchTimelineOrHistory()
    {
        var (admin, rep) = await TenantAsync();
        await rep.Client.CreateContactAsync("Keeper");
        var id = (await rep.Client.CreateContactAsync("Hollerbach")).Id();
        await rep.Client.PatchJsonAsync($"/api/contacts/{id}", new { firstName = "Quirinus" }, "*").ExpectAsync(HttpStatusCode.OK);
        await rep.Client.AddNoteAsync("contact", id, "Quirinus Hollerbach asked for a call back");
        await rep.Client.RemoveAsync($"/api/contacts/{id}").ExpectAsync(HttpStatusCode.NoContent);

        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunRetentionJobAsync();

        var client = await app.SignInAsync(admin.Email);
        var export = await (await client.FetchAsync("/api/contacts/export?format=csv")).Content.ReadAsStringAsync(Api.Ct);
        Assert.Contains("Keeper", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Hollerbach", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Hollerbach", (await client.GetJsonAsync("/api/search?q=Hollerbach")).GetProperty("groups").GetRawText(), StringComparison.Ordinal);
        await client.FetchAsync($"/api/timeline/contact/{id}").ProblemAsync(HttpStatusCode.NotFound);
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            Assert.False(await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(c => c.Id == id, Api.Ct));
            Assert.False(await db.Activities.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(a => a.TargetId == id, Api.Ct));
            Assert.False(await db.FieldChanges.AnyAsync(c => c.RecordId == id, Api.Ct));
            Assert.False(await db.FieldChanges.AnyAsync(c => c.OldValue!.Contains("Quirinus") || c.NewValue!.Contains("Quirinus"), Api.Ct));
        });
    }

    [Fact]
    public async Task AnonymisedLead_KeepsItsRowButNoNameInSearchOrFieldHistory()
    {
        var (admin, rep) = await TenantAsync();
        var id = (await rep.Client.CreateLeadAsync(new { lastName = "Vogelsang", company = "Vogelsang Metallbau", source = "Fair" })).Id();
        await rep.Client.PatchJsonAsync($"/api/leads/{id}", new { email = "vogelsang@example.org" }, "*").ExpectAsync(HttpStatusCode.OK);
        await admin.Client.SetRetentionRulesAsync(Rules("Anonymise"));

        app.Clock.Advance(TimeSpan.FromDays(40));
        var run = await (await app.SignInAsync(admin.Email)).RunRetentionAsync(dryRun: false);
        var second = await (await app.SignInAsync(admin.Email)).RunRetentionAsync(dryRun: false);

        Assert.True(run.SourceReport("stale-leads").GetProperty("anonymised").GetInt32() == 1, run.GetRawText());
        Assert.Equal(0, second.SourceReport("stale-leads").GetProperty("anonymised").GetInt32());
        var client = await app.SignInAsync(rep.Email);
        var stored = await client.GetJsonAsync($"/api/leads/{id}");
        Assert.Equal("Fair", stored.Str("source"));
        Assert.DoesNotContain("Vogelsang", stored.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Vogelsang", (await client.GetJsonAsync("/api/search?q=Vogelsang")).GetProperty("groups").GetRawText(), StringComparison.Ordinal);
        Assert.False(await app.InTenantAsync(admin.TenantId, db => db.FieldChanges.AnyAsync(c => c.RecordId == id, Api.Ct)));
    }

    [Fact]
    public async Task FailingSource_IsReportedAndTheOtherSourcesStillRun()
    {
        var (admin, rep) = await TenantAsync();
        var lead = (await rep.Client.CreateLeadAsync("Stale")).Id();
        await admin.Client.SetRetentionRulesAsync(Rules("Delete"));
        app.Probe.Fail = true;

        app.Clock.Advance(TimeSpan.FromDays(40));
        var run = await (await app.SignInAsync(admin.Email)).RunRetentionAsync(dryRun: false);

        Assert.Equal("Failed", run.Str("status"));
        Assert.Contains("failed on purpose", run.SourceReport("probe").Str("error"), StringComparison.Ordinal);
        Assert.Equal([lead], run.ItemIds("stale-leads"));
        Assert.Equal(JsonValueKindNull, run.SourceReport("stale-leads").GetProperty("error").ValueKind);
        Assert.False(await LeadExistsAsync(admin.TenantId, lead));
    }

    [Fact]
    public async Task SecondRun_WhileOneIsGoingForTheTenant_IsRefusedAndTheJobWaitsForIt()
    {
        var (admin, _) = await TenantAsync();
        app.Probe.GateTenant = admin.TenantId;
        app.Probe.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = admin.Client.PostAsJsonAsync("/api/retention/runs", new { dryRun = true }, Api.Ct);
        await app.Probe.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), Api.Ct);

        var second = await admin.Client.PostJsonAsync("/api/retention/runs", new { dryRun = true }).ProblemAsync(HttpStatusCode.Conflict);
        var job = app.RunRetentionJobAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), Api.Ct);
        var jobFinishedEarly = job.IsCompleted;
        app.Probe.Gate.SetResult();
        var firstRun = await first.ExpectAsync(HttpStatusCode.Created);
        var jobRun = Assert.Single(await job, r => r.TenantId == admin.TenantId);

        Assert.Contains("already going", second.Str("title"), StringComparison.Ordinal);
        Assert.False(jobFinishedEarly);
        Assert.True(jobRun.StartedAt >= firstRun.GetProperty("finishedAt").GetDateTimeOffset());
        var runs = await admin.Client.GetJsonAsync("/api/retention/runs");
        Assert.Equal(2, runs.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Run_IsAuditedOnceWithCountsAndListedWithItsReport()
    {
        var (admin, rep) = await TenantAsync();
        await rep.Client.CreateLeadAsync("Stale");
        await admin.Client.SetRetentionRulesAsync(Rules("Delete"));
        app.Clock.Advance(TimeSpan.FromDays(40));
        var client = await app.SignInAsync(admin.Email);

        var run = await client.RunRetentionAsync(dryRun: false);

        var entries = await app.InTenantAsync(admin.TenantId, db => db.AuditEntries.Where(e => e.Action == AuditAction.Retention).ToListAsync(Api.Ct));
        var entry = Assert.Single(entries);
        Assert.Equal(run.Id(), entry.RecordId);
        Assert.Equal(admin.Id, entry.ActorId);
        Assert.Contains("\"deleted\":1", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Stale", entry.Detail, StringComparison.Ordinal);
        var listed = (await client.GetJsonAsync("/api/retention/runs")).GetProperty("items")[0];
        Assert.Equal(run.Id(), listed.Id());
        Assert.Equal(admin.Id, listed.GetProperty("triggeredBy").GetGuid());
        var stored = await client.GetJsonAsync($"/api/retention/runs/{run.Id()}");
        Assert.Equal(run.ItemIds("stale-leads"), stored.ItemIds("stale-leads"));
        await client.FetchAsync($"/api/retention/runs/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ScheduledRun_IsRecordedAsSchedule()
    {
        var (admin, _) = await TenantAsync();

        var runs = await app.RunRetentionJobAsync();

        var run = Assert.Single(runs, r => r.TenantId == admin.TenantId);
        Assert.Equal(RetentionRun.Schedule, run.Trigger);
        Assert.Null(run.TriggeredBy);
        Assert.Equal(RetentionRunStatus.Completed, run.Status);
        Assert.Null(run.Lock);
    }

    private static readonly System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static object Rules(string action) => new
    {
        staleLeadsEnabled = true,
        staleLeadMonths = Months,
        staleLeadAction = action,
        recycleBinEnabled = true,
        recycleBinDays = 30,
    };

    [Fact]
    public async Task Run_RedactsSignInsPastTheStrictDefault_AndTheChainStaysIntact()
    {
        var (admin, rep) = await TenantAsync();
        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = rep.Email, password = KontorAppFactory.Password }).ExpectAsync(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(91));
        var adminClient = await app.SignInAsync(admin.Email);
        var run = await adminClient.RunRetentionAsync(dryRun: false);
        var verification = await adminClient.PostJsonAsync("/api/audit-log/verify", new { }).ExpectAsync(HttpStatusCode.OK);

        // Every sign-in before the clock moved, the rep's and the administrator's, is older than the default 90 days.
        Assert.True(run.SourceReport("login-history").GetProperty("anonymised").GetInt32() >= 1);
        Assert.Equal(JsonValueKindNull, run.SourceReport("login-history").GetProperty("error").ValueKind);
        Assert.True(verification.GetProperty("intact").GetBoolean());
        Assert.False(await app.InTenantAsync(admin.TenantId, db => db.AuditEntries.AnyAsync(
            e => e.Action == AuditAction.Login && e.RecordId == rep.Id && e.RedactedAt == null, Api.Ct)));
    }

    [Fact]
    public async Task Run_DeletesAPersonsTargetsPastTheStrictDefault_ExceptUnderAHoldOnThePerson()
    {
        var (admin, rep) = await TenantAsync();
        var held = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var old = SalesPeriod.Containing(today.AddDays(-200), PeriodKind.Month);
        var current = SalesPeriod.Containing(today, PeriodKind.Quarter);
        var (due, kept, keptByHold) = await app.InTenantAsync(admin.TenantId, async db =>
        {
            var targets = new[]
            {
                new SalesTarget(SubjectKind.User, rep.Id, old, 1_000, "EUR", admin.Id, app.Clock.GetUtcNow()),
                new SalesTarget(SubjectKind.User, rep.Id, current, 1_000, "EUR", admin.Id, app.Clock.GetUtcNow()),
                new SalesTarget(SubjectKind.User, held.Id, old, 1_000, "EUR", admin.Id, app.Clock.GetUtcNow()),
            };
            db.SalesTargets.AddRange(targets);
            await db.SaveChangesAsync(Api.Ct);
            return (targets[0].Id, targets[1].Id, targets[2].Id);
        });
        await admin.Client.PlaceHoldAsync("user", held.Id);

        var dryRun = await admin.Client.RunRetentionAsync(dryRun: true);
        var run = await admin.Client.RunRetentionAsync(dryRun: false);

        Assert.Equal([due], dryRun.ItemIds("target-attainment"));
        Assert.Equal([due], run.ItemIds("target-attainment"));
        Assert.Equal((1, 1), (run.SourceReport("target-attainment").GetProperty("deleted").GetInt32(), run.SourceReport("target-attainment").GetProperty("held").GetInt32()));
        var left = await app.InTenantAsync(admin.TenantId, db => db.SalesTargets.Select(t => t.Id).ToListAsync(Api.Ct));
        Assert.Equal(new[] { kept, keptByHold }.Order(), left.Order());
    }

    private async Task<(TestUser Admin, TestUser Rep)> TenantAsync()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        return (admin, rep);
    }

    private Task<bool> LeadExistsAsync(Guid tenantId, Guid id) =>
        app.InTenantAsync(tenantId, db => db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(l => l.Id == id, Api.Ct));
}
