using System.Net;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Audit;

/// <summary>The retention sources of login history, access log and change history (ADR 0028).</summary>
public sealed class AuditRetentionSourceTests(FakeClockAppFactory app) : IClassFixture<FakeClockAppFactory>
{
    [Fact]
    public async Task LoginHistory_AfterThePeriod_RedactsOlderSignInsAndForgetsTokenUse_NothingNewer()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var token = await app.IssueTokenAsync(rep, TokenScope.Read);
        await app.CreateBearerClient(token).GetJsonAsync("/api/accounts");
        await app.CreateClient().PostJsonAsync("/api/auth/login", new { email = rep.Email, password = "wrong password 123" }).ProblemAsync(HttpStatusCode.Unauthorized);
        var old = (await app.EntriesAsync(admin.TenantId)).Where(IsSignIn).Select(e => e.Sequence).ToList();
        app.Clock.Advance(TimeSpan.FromDays(90) + TimeSpan.FromMinutes(1));
        await app.SignInAsync(rep.Email);

        var outcome = await app.RunRetentionAsync(admin.TenantId, "login-history");

        var entries = await app.EntriesAsync(admin.TenantId);
        Assert.Equal(3, old.Count);
        Assert.Equal(("login-history", 0, old.Count + 1, 0), (outcome.Source, outcome.Deleted, outcome.Anonymised, outcome.Held));
        Assert.All(entries.Where(e => old.Contains(e.Sequence)), e => Assert.Equal((null, null, true), (e.ActorId, e.RecordId, e.RedactedAt is not null)));
        var fresh = Assert.Single(entries, e => IsSignIn(e) && !old.Contains(e.Sequence));
        Assert.Equal((rep.Id, rep.Id, null), (fresh.ActorId, fresh.RecordId, fresh.RedactedAt));
        Assert.All(entries.Where(e => e.Action == AuditAction.PermissionChange), e => Assert.Null(e.RedactedAt));
        var redact = Assert.Single(entries, e => e.Action == AuditAction.Redact);
        var record = AuditRedactionRecord.Read(redact.Detail)!;
        Assert.Equal(("login-history", old.Count, old.Min(), old.Max(), "P90D"), (record.Category, record.Count, record.From, record.To, record.Period));
        Assert.Equal((ActorKind.System, (Guid?)null), (redact.ActorKind, redact.ActorId));
        Assert.Null(await app.InTenantAsync(admin.TenantId, db => db.PersonalAccessTokens.Where(t => t.UserId == rep.Id).Select(t => t.LastUsedAt).SingleAsync(Api.Ct)));
        Assert.True((await app.VerifyAsync(admin.TenantId)).IsIntact);
        Assert.Equal(0, (await app.RunRetentionAsync(admin.TenantId, "login-history")).Anonymised);
    }

    [Fact]
    public async Task Sources_RunForOneTenant_LeaveEveryOtherTenantAlone()
    {
        var acme = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var other = await app.CreateTenantWithUserAsync("Other", Roles.SalesRep);
        await app.AddAccessAsync(other.TenantId, other.Id, other.Id);
        var account = await other.Client.CreateAccountAsync("Other's");
        await other.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(91));
        var before = await app.EntriesAsync(other.TenantId);

        var outcomes = new[]
        {
            await app.RunRetentionAsync(acme.TenantId, "login-history"),
            await app.RunRetentionAsync(acme.TenantId, "access-log"),
            await app.RunRetentionAsync(acme.TenantId, "change-history"),
        };

        Assert.Equal([1, 0, 0], outcomes.Select(o => o.Anonymised));
        Assert.Equal(before.Select(e => (e.Sequence, e.ActorId, e.RedactedAt)), (await app.EntriesAsync(other.TenantId)).Select(e => (e.Sequence, e.ActorId, e.RedactedAt)));
        Assert.Equal(other.Id, Assert.Single(await app.FieldChangesAsync(other.TenantId, account.Id())).ChangedBy);
    }

    [Fact]
    public async Task LoginHistory_DryRun_ChangesNothing_AndReportsWhatTheRunThenDoes()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        app.Clock.Advance(TimeSpan.FromDays(91));
        var before = await app.EntriesAsync(admin.TenantId);

        var dry = await app.RunRetentionAsync(admin.TenantId, "login-history", dryRun: true);
        var after = await app.EntriesAsync(admin.TenantId);
        var run = await app.RunRetentionAsync(admin.TenantId, "login-history");

        Assert.Equal(before.Select(e => (e.Sequence, e.ActorId, e.RedactedAt)), after.Select(e => (e.Sequence, e.ActorId, e.RedactedAt)));
        Assert.Equal((2, 0), (dry.Anonymised, dry.Held));
        Assert.Equal((dry.Anonymised, dry.Held, dry.Deleted), (run.Anonymised, run.Held, run.Deleted));
        Assert.Equal(dry.Items.Select(i => i.RecordId), run.Items.Select(i => i.RecordId));
        Assert.All(dry.Items, i => Assert.Equal("auditEntry", i.RecordType));
    }

    [Fact]
    public async Task LoginHistory_OfAHeldUser_Stays_AndIsCountedAsHeld()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await app.HoldAsync(admin.TenantId, "user", rep.Id);
        app.Clock.Advance(TimeSpan.FromDays(91));

        var outcome = await app.RunRetentionAsync(admin.TenantId, "login-history");

        var logins = (await app.EntriesAsync(admin.TenantId)).Where(e => e.Action == AuditAction.Login).ToList();
        Assert.Equal((1, 1), (outcome.Anonymised, outcome.Held));
        Assert.Equal(rep.Id, Assert.Single(logins, e => e.RedactedAt is null).ActorId);
        Assert.Null(Assert.Single(logins, e => e.RedactedAt is not null).ActorId);
    }

    [Fact]
    public async Task LoginHistory_AnEntryOfFormatV1_CannotBeRedacted_AndIsCountedAsHeld()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var v1 = await app.DowngradeHeadToV1Async(admin.TenantId);
        app.Clock.Advance(TimeSpan.FromDays(91));

        var outcome = await app.RunRetentionAsync(admin.TenantId, "login-history");

        Assert.Equal((0, 1), (outcome.Anonymised, outcome.Held));
        Assert.Equal(admin.Id, (await app.EntryAsync(admin.TenantId, v1)).ActorId);
        Assert.True((await app.VerifyAsync(admin.TenantId)).IsIntact);
    }

    [Fact]
    public async Task AccessLog_AfterThePeriod_RemovesReaderAndSubject_FromWhoSawMyDataAndTheCouncilsLog()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var council = await app.CreateUserAsync(admin.TenantId, [Roles.WorksCouncil]);
        var lead = await app.CreateUserAsync(admin.TenantId, [Roles.TeamLead]);
        var agent = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var held = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        await app.AddAccessAsync(admin.TenantId, lead.Id, agent.Id);
        await app.AddAccessAsync(admin.TenantId, lead.Id, held.Id);
        await app.HoldAsync(admin.TenantId, "user", held.Id);
        app.Clock.Advance(TimeSpan.FromDays(91));
        await app.AddAccessAsync(admin.TenantId, lead.Id, agent.Id, "pipeline-per-owner");

        var outcome = await app.RunRetentionAsync(admin.TenantId, "access-log");

        Assert.Equal(("access-log", 1, 1), (outcome.Source, outcome.Anonymised, outcome.Held));
        var mine = (await (await app.SignInAsync(agent.Email)).GetJsonAsync("/api/profile/data-access")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("pipeline-per-owner", Assert.Single(mine).Str("category"));
        var log = (await (await app.SignInAsync(council.Email)).GetJsonAsync("/api/works-agreement/access-log")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, log.Count);
        var removed = Assert.Single(log, l => l.GetProperty("redacted").GetBoolean());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "revenue-per-owner"), (removed.GetProperty("readerId").ValueKind, removed.GetProperty("subjectId").ValueKind, removed.Str("category")));
        Assert.Equal(held.Id, log.Single(l => !l.GetProperty("redacted").GetBoolean() && l.Str("category") == "revenue-per-owner").GetProperty("subjectId").GetGuid());
        Assert.True((await app.VerifyAsync(admin.TenantId)).IsIntact);
    }

    [Fact]
    public async Task ChangeHistory_AfterThePeriod_RemovesWhoChanged_FromAuditAndFieldHistory_ExceptHeldRecords()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var account = await rep.Client.CreateAccountAsync("Acme");
        var evidence = await rep.Client.CreateAccountAsync("Evidence");
        await rep.Client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);
        await rep.Client.PatchJsonAsync($"/api/accounts/{evidence.Id()}", new { industry = "Retail" }, "*").ExpectAsync(HttpStatusCode.OK);
        await app.HoldAsync(rep.TenantId, "account", evidence.Id());
        app.Clock.Advance(TimeSpan.FromDays(91));
        var client = await app.SignInAsync(rep.Email);
        await client.PatchJsonAsync($"/api/accounts/{account.Id()}", new { industry = "Banking" }, "*").ExpectAsync(HttpStatusCode.OK);

        var dry = await app.RunRetentionAsync(rep.TenantId, "change-history", dryRun: true);
        var outcome = await app.RunRetentionAsync(rep.TenantId, "change-history");

        // Due: Create and Update of the account (audit) and its old Industry change (field history); held: the same three of the evidence.
        Assert.Equal((3, 3), (outcome.Anonymised, outcome.Held));
        Assert.Equal((outcome.Anonymised, outcome.Held), (dry.Anonymised, dry.Held));
        var changes = await app.FieldChangesAsync(rep.TenantId, account.Id());
        Assert.Equal([(null, "Retail"), (rep.Id, "Banking")], changes.OrderBy(c => c.ChangedAt).Select(c => (c.ChangedBy, c.NewValue)));
        Assert.NotNull(changes.OrderBy(c => c.ChangedAt).First().ChangedByRedactedAt);
        Assert.Equal(rep.Id, Assert.Single(await app.FieldChangesAsync(rep.TenantId, evidence.Id())).ChangedBy);
        var entries = await app.EntriesAsync(rep.TenantId);
        Assert.Equal([(AuditAction.Create, true), (AuditAction.Update, true), (AuditAction.Update, false)],
            entries.Where(e => e.RecordId == account.Id()).Select(e => (e.Action, e.RedactedAt is not null)));
        Assert.All(entries.Where(e => e.RecordId == evidence.Id()), e => Assert.Equal(rep.Id, e.ActorId));
        Assert.All(entries.Where(e => e.Action == AuditAction.Login), e => Assert.Null(e.RedactedAt));

        var timeline = (await client.GetJsonAsync($"/api/timeline/account/{account.Id()}")).GetProperty("items").EnumerateArray()
            .Where(i => i.Str("kind") == "Change").Select(i => i.GetProperty("change")).OrderBy(c => c.Str("newValue")).ToList();
        Assert.Equal([("Banking", false), ("Retail", true)], timeline.Select(c => (c.Str("newValue"), c.GetProperty("changedByRemoved").GetBoolean())));
        Assert.True((await app.VerifyAsync(rep.TenantId)).IsIntact);
    }

    [Fact]
    public async Task Periods_FromAnAgreementInForce_ApplyPerCategory_AndLeftOutCategoriesKeepTheStrictDefault()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var council = await app.CreateUserAsync(admin.TenantId, [Roles.WorksCouncil]);
        await admin.Client.PostJsonAsync("/api/works-agreement/versions", new { text = Agreement, comment = "Retention per category." }).ExpectAsync(HttpStatusCode.Created);
        await admin.Client.PostJsonAsync("/api/works-agreement/versions/1/approve", new { party = "Employer" }).ExpectAsync(HttpStatusCode.OK);
        await council.Client.PostJsonAsync("/api/works-agreement/versions/1/approve", new { party = "WorksCouncil" }).ExpectAsync(HttpStatusCode.OK);
        await admin.Client.CreateAccountAsync("Acme");
        await app.AddAccessAsync(admin.TenantId, admin.Id, council.Id);

        app.Clock.Advance(TimeSpan.FromDays(45));
        var at45 = await RunAllAsync(admin.TenantId);
        app.Clock.Advance(TimeSpan.FromDays(50));
        var at95 = await RunAllAsync(admin.TenantId);

        Assert.Equal((2, 0, 0), at45);
        Assert.Equal((0, 1, 0), at95);
        var create = (await app.EntriesAsync(admin.TenantId)).Single(e => e.Action == AuditAction.Create && e.RecordType == "account");
        Assert.Equal(admin.Id, create.ActorId);
        Assert.True((await app.VerifyAsync(admin.TenantId)).IsIntact);
    }

    private const string Agreement = """
        agreement: "BV Retention"
        version: 1
        purposes:
          - key: own-performance
        categories:
          - key: login-history
            purposes: [own-performance]
            individual: [self]
            retention: P30D
          - key: change-history
            purposes: [own-performance]
            individual: [self]
            retention: P1Y
        rules:
          manager-visibility: direct-reports
          rankings: forbidden
          individual-access-needs-purpose: true
        approval: [employer, works-council]
        """;

    private async Task<(int Logins, int Accesses, int Changes)> RunAllAsync(Guid tenantId) => (
        (await app.RunRetentionAsync(tenantId, "login-history")).Anonymised,
        (await app.RunRetentionAsync(tenantId, "access-log")).Anonymised,
        (await app.RunRetentionAsync(tenantId, "change-history")).Anonymised);

    private static bool IsSignIn(AuditEntry e) => e.Action is AuditAction.Login or AuditAction.LoginFailed or AuditAction.Logout;
}
