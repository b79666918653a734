using System.Globalization;
using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Audit;
using Kontor.Platform.Audit.Redaction;
using Kontor.Platform.Retention;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Audit;

/// <summary>Format v2 of the audit chain, the redaction of person-identifying fields and what the database allows of it (ADR 0028).</summary>
public sealed class AuditRedactionTests(FakeClockAppFactory app) : IClassFixture<FakeClockAppFactory>
{
    [Fact]
    public async Task NewEntries_AreOfFormatV2_AndVerifyByTheDocumentedFormula()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        await admin.Client.CreateAccountAsync("Acme");

        var entries = await app.EntriesAsync(admin.TenantId);
        var result = await app.VerifyAsync(admin.TenantId);

        Assert.True(result.IsIntact);
        Assert.Equal((0L, 0L), (result.Redacted, result.FormatV1));
        Assert.All(entries, e =>
        {
            Assert.Matches("^[0-9a-f]{32}$", e.PersonalSalt);
            var person = e.RecordType is "user" or "employee";
            var digest = RedactionTestData.Sha256(string.Join('\n', e.PersonalSalt, e.ActorId?.ToString("D") ?? "", person ? e.RecordId?.ToString("D") ?? "" : ""));
            Assert.Equal(digest, e.PersonalDigest);
            var canonical = string.Join('\n',
                "kontor-audit-v2", e.Id.ToString("D"), e.TenantId.ToString("D"), e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                digest, e.ActorKind.ToString(), e.Channel.ToString(), e.Action.ToString(), e.RecordType ?? "",
                person ? "" : e.RecordId?.ToString("D") ?? "", e.Detail ?? "", e.PreviousHash);
            Assert.Equal(RedactionTestData.Sha256(canonical), e.Hash);
        });
    }

    [Fact]
    public async Task Verify_AfterRedaction_IsIntactAndCountsTheRedactedEntries()
    {
        var (admin, logins) = await RedactedLoginsAsync();

        var result = await app.VerifyAsync(admin.TenantId);

        Assert.True(result.IsIntact, result.Reason?.ToString());
        Assert.Equal(logins.Count, result.Redacted);
        var entries = await app.EntriesAsync(admin.TenantId);
        var redact = Assert.Single(entries, e => e.Action == AuditAction.Redact);
        Assert.All(entries.Where(e => logins.Contains(e.Sequence)), e =>
        {
            Assert.Equal((null, null, null), (e.ActorId, e.RecordId, e.PersonalSalt));
            Assert.Equal((redact.At, redact.Sequence), (e.RedactedAt!.Value, e.RedactedBy!.Value));
        });
        var verified = await admin.Client.PostJsonAsync("/api/audit-log/verify", new { }).ExpectAsync(System.Net.HttpStatusCode.OK);
        Assert.True(verified.GetProperty("intact").GetBoolean());
        Assert.Equal(logins.Count, verified.GetProperty("redacted").GetInt64());
    }

    [Fact]
    public async Task Redaction_InSeveralBatches_WritesOneRecordPerBatch_AndTheChainStaysIntact()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        for (var i = 0; i < 4; i++)
        {
            await app.SignInAsync(admin.Email);
        }

        app.Clock.Advance(TimeSpan.FromDays(91));
        var result = await app.InTenantAsync(admin.TenantId, db => AuditRedaction.RunAsync(
            new RetentionContext(db, app.Clock.GetUtcNow(), DryRun: false, AgreementDefaults.Document),
            EmployeeDataCategories.LoginHistory, e => e.Action == AuditAction.Login, Api.Ct, batchSize: 2));

        var records = (await app.EntriesAsync(admin.TenantId)).Where(e => e.Action == AuditAction.Redact).Select(e => AuditRedactionRecord.Read(e.Detail)!).ToList();
        Assert.Equal(5, result.Redacted);
        Assert.Equal([2, 2, 1], records.Select(r => r.Count));
        Assert.True(records.Zip(records.Skip(1)).All(p => p.First.To < p.Second.From));
        var verified = await app.VerifyAsync(admin.TenantId);
        Assert.True(verified.IsIntact, verified.Reason?.ToString());
        Assert.Equal(5, verified.Redacted);
    }

    [Fact]
    public async Task Verify_AfterTamperingWithARedactedEntrysRemainingField_ReportsIt()
    {
        var (admin, logins) = await RedactedLoginsAsync();

        await app.TamperAsync(admin.TenantId, logins[0], """{"reason":"forged"}""");
        var result = await app.VerifyAsync(admin.TenantId);

        Assert.Equal((logins[0], AuditBreak.HashMismatch), (result.BrokenAt!.Value, result.Reason!.Value));
    }

    [Fact]
    public async Task Verify_AfterChangingTheActorOfAnUnredactedEntry_ReportsIt()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var rep = await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var account = await admin.Client.CreateAccountAsync("Acme");
        var create = (await app.EntriesAsync(admin.TenantId)).Single(e => e.RecordId == account.Id());

        await app.InTenantAsync(admin.TenantId, db =>
            RedactionTestData.BypassAsync(db, $"UPDATE \"AuditEntries\" SET \"ActorId\" = {rep.Id} WHERE \"Id\" = {create.Id}"));
        var result = await app.VerifyAsync(admin.TenantId);

        Assert.Equal((create.Sequence, AuditBreak.HashMismatch), (result.BrokenAt!.Value, result.Reason!.Value));
    }

    [Fact]
    public async Task Verify_ARedactionWithoutARedactionRecordThatCountsIt_IsReported()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var account = await admin.Client.CreateAccountAsync("Acme");
        await admin.Client.CreateAccountAsync("Later");
        var entries = await app.EntriesAsync(admin.TenantId);
        var create = entries.Single(e => e.RecordId == account.Id());

        // The database allows the shape of a redaction; only the verifier can tell that no retention run recorded it.
        await app.InTenantAsync(admin.TenantId, db => db.AuditEntries.Where(e => e.Id == create.Id).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.ActorId, (Guid?)null).SetProperty(e => e.PersonalSalt, (string?)null)
                .SetProperty(e => e.RedactedAt, app.Clock.GetUtcNow()).SetProperty(e => e.RedactedBy, entries[^1].Sequence),
            Api.Ct));
        var result = await app.VerifyAsync(admin.TenantId);

        Assert.Equal((create.Sequence, AuditBreak.UncoveredRedaction), (result.BrokenAt!.Value, result.Reason!.Value));
    }

    [Fact]
    public async Task Verify_AnExtraRedactionCharged_ToARealRedactionRecord_IsReported()
    {
        var (admin, _) = await RedactedLoginsAsync();
        var entries = await app.EntriesAsync(admin.TenantId);
        var redact = entries.Single(e => e.Action == AuditAction.Redact);
        var other = entries.First(e => e.Sequence < redact.Sequence && e.RedactedAt is null);

        await app.InTenantAsync(admin.TenantId, db => db.AuditEntries.Where(e => e.Id == other.Id).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.ActorId, (Guid?)null).SetProperty(e => e.PersonalSalt, (string?)null)
                .SetProperty(e => e.RecordId, e => e.RecordType == "user" ? null : e.RecordId)
                .SetProperty(e => e.RedactedAt, redact.At).SetProperty(e => e.RedactedBy, redact.Sequence),
            Api.Ct));
        var result = await app.VerifyAsync(admin.TenantId);

        Assert.Equal(AuditBreak.UncoveredRedaction, result.Reason);
    }

    [Fact]
    public async Task Database_RefusesEveryOtherUpdate_UnRedactingAndDeleting()
    {
        var (admin, logins) = await RedactedLoginsAsync();
        var account = await admin.Client.CreateAccountAsync("Acme");
        var entries = await app.EntriesAsync(admin.TenantId);
        var plain = entries.Single(e => e.RecordId == account.Id());
        var redacted = entries.Single(e => e.Sequence == logins[0]);
        var now = app.Clock.GetUtcNow();

        var attempts = new List<Exception?>();
        await app.InTenantAsync(admin.TenantId, async db =>
        {
            var at = RedactionTestData.Stored(db, now);
            async Task TryAsync(FormattableString sql) => attempts.Add(await Record.ExceptionAsync(() => db.Database.ExecuteSqlAsync(sql, Api.Ct)));

            await TryAsync($"UPDATE \"AuditEntries\" SET \"Detail\" = '{{}}' WHERE \"Id\" = {plain.Id}");
            await TryAsync($"UPDATE \"AuditEntries\" SET \"ActorId\" = NULL, \"PersonalSalt\" = NULL, \"RedactedAt\" = {at}, \"RedactedBy\" = {entries[^1].Sequence}, \"Action\" = 'Login' WHERE \"Id\" = {plain.Id}");
            await TryAsync($"UPDATE \"AuditEntries\" SET \"PersonalSalt\" = NULL, \"RedactedAt\" = {at}, \"RedactedBy\" = {entries[^1].Sequence} WHERE \"Id\" = {plain.Id}");
            await TryAsync($"UPDATE \"AuditEntries\" SET \"ActorId\" = NULL, \"PersonalSalt\" = NULL, \"RedactedAt\" = {at}, \"RedactedBy\" = {plain.Sequence} WHERE \"Id\" = {plain.Id}");
            await TryAsync($"UPDATE \"AuditEntries\" SET \"RedactedAt\" = NULL, \"RedactedBy\" = NULL WHERE \"Id\" = {redacted.Id}");
            await TryAsync($"UPDATE \"AuditEntries\" SET \"ActorId\" = {admin.Id} WHERE \"Id\" = {redacted.Id}");
            await TryAsync($"UPDATE \"AuditEntries\" SET \"RedactedAt\" = {at} WHERE \"Id\" = {redacted.Id}");
            await TryAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {redacted.Id}");
            await TryAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {plain.Id}");
            if (db.Database.IsNpgsql())
            {
                await TryAsync($"TRUNCATE \"AuditEntries\"");
            }
        });

        Assert.All(attempts, Assert.NotNull);
        Assert.Equal(entries.Select(e => (e.Sequence, e.ActorId, e.RecordId, e.Detail, e.RedactedAt)), (await app.EntriesAsync(admin.TenantId)).Select(e => (e.Sequence, e.ActorId, e.RecordId, e.Detail, e.RedactedAt)));
        Assert.True((await app.VerifyAsync(admin.TenantId)).IsIntact);
    }

    [Fact]
    public async Task Database_RefusesToRedactAnEntryOfFormatV1_WhichStillVerifies()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        var v1 = await app.DowngradeHeadToV1Async(admin.TenantId);
        var account = await admin.Client.CreateAccountAsync("After the upgrade");
        var last = (await app.EntriesAsync(admin.TenantId))[^1];

        var refused = await Record.ExceptionAsync(() => app.InTenantAsync(admin.TenantId, db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"AuditEntries\" SET \"ActorId\" = NULL, \"RecordId\" = NULL, \"RedactedAt\" = {RedactionTestData.Stored(db, app.Clock.GetUtcNow())}, \"RedactedBy\" = {last.Sequence} WHERE \"Sequence\" = {v1}", Api.Ct)));
        var result = await app.VerifyAsync(admin.TenantId);

        Assert.NotNull(refused);
        Assert.True(result.IsIntact, result.Reason?.ToString());
        Assert.Equal(1, result.FormatV1);
        Assert.Equal(account.Id(), last.RecordId);
    }

    [Fact]
    public async Task Postgres_TheApplicationsRole_MayUpdateOnlyTheRedactableColumns_AndNeverDeleteOrTruncate()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);

        var (updatable, tablePrivileges) = await app.InTenantAsync(admin.TenantId, async db =>
        {
            if (!db.Database.IsNpgsql())
            {
                return (AuditDatabaseObjects.RedactableColumns.ToList(), new List<string>());
            }

            var columns = await db.Database.SqlQueryRaw<string>(
                """SELECT column_name AS "Value" FROM information_schema.column_privileges WHERE table_name = 'AuditEntries' AND privilege_type = 'UPDATE' AND grantee = current_user""").ToListAsync(Api.Ct);
            var table = await db.Database.SqlQueryRaw<string>(
                """SELECT privilege_type AS "Value" FROM information_schema.table_privileges WHERE table_name = 'AuditEntries' AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND grantee IN (current_user, 'PUBLIC')""").ToListAsync(Api.Ct);
            return (columns, table);
        });

        Assert.Equal(AuditDatabaseObjects.RedactableColumns.Order(StringComparer.Ordinal), updatable.Order(StringComparer.Ordinal));
        Assert.Empty(tablePrivileges);
    }

    [Fact]
    public void DatabaseObjects_NameEveryColumnOfTheTable_EitherRedactableOrFixed()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Kontor.Platform.Data.KontorDb>();
        var columns = db.Model.FindEntityType(typeof(AuditEntry))!.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal);

        Assert.Equal(columns, AuditDatabaseObjects.RedactableColumns.Concat(AuditDatabaseObjects.FixedColumns).Order(StringComparer.Ordinal));
    }

    /// <summary>A tenant whose first two sign-ins are older than the strict default's 90 days and were redacted by the login-history source.</summary>
    private async Task<(TestUser Admin, List<long> Logins)> RedactedLoginsAsync()
    {
        var admin = await app.CreateTenantWithUserAsync("Acme", Roles.Admin);
        await app.CreateUserAsync(admin.TenantId, [Roles.SalesRep]);
        var logins = (await app.EntriesAsync(admin.TenantId)).Where(e => e.Action == AuditAction.Login).Select(e => e.Sequence).ToList();
        app.Clock.Advance(TimeSpan.FromDays(91));
        admin = admin with { Client = await app.SignInAsync(admin.Email) };

        var outcome = await app.RunRetentionAsync(admin.TenantId, "login-history");

        Assert.Equal(logins.Count, outcome.Anonymised);
        return (admin, logins);
    }
}
