using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kontor.Platform.Agreement;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Retention;
using Kontor.Platform.Tenancy;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Tests.Platform.Audit;

/// <summary>Runs the audit log's retention sources directly and arranges what the redaction tests need.</summary>
internal static class RedactionTestData
{
    /// <summary>
    /// Runs one retention source (by key) for a tenant at the app's clock, with the agreement in force, like the daily job
    /// does: the scope bound to the tenant, then a system scope entered, which lifts the tenant filters.
    /// </summary>
    public static async Task<RetentionOutcome> RunRetentionAsync(this KontorAppFactory app, Guid tenantId, string key, bool dryRun = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
        var source = app.Services.GetServices<IRetentionSource>().Single(s => s.Key == key);
        var agreement = await app.Services.GetRequiredService<AgreementInForce>().GetAsync(db, Api.Ct);
        using (scope.ServiceProvider.GetRequiredService<SystemScope>().Enter("retention test"))
        {
            return await source.ApplyAsync(new RetentionContext(db, db.Clock.GetUtcNow(), dryRun, agreement.Document), Api.Ct);
        }
    }

    public static Task<AuditVerification> VerifyAsync(this KontorAppFactory app, Guid tenantId) =>
        app.InTenantAsync(tenantId, db => AuditChainVerifier.VerifyAsync(db, tenantId, Api.Ct));

    public static Task<AuditEntry> EntryAsync(this KontorAppFactory app, Guid tenantId, long sequence) =>
        app.InTenantAsync(tenantId, db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == sequence, Api.Ct));

    /// <summary>Adds an access entry the way the employee-data gate writes it.</summary>
    public static Task AddAccessAsync(this KontorAppFactory app, Guid tenantId, Guid reader, Guid subject, string category = "revenue-per-owner") =>
        app.InTenantAsync(tenantId, async db =>
        {
            db.AuditEntries.Add(new AuditEntry(tenantId, AuditAction.Access, "employee", subject, $$"""{"category":"{{category}}","purpose":"team-steering"}""", reader, ActorKind.User, Channel.Api));
            await db.SaveChangesAsync(Api.Ct);
        });

    /// <summary>Places a legal hold in force on a record.</summary>
    public static Task HoldAsync(this KontorAppFactory app, Guid tenantId, string recordType, Guid recordId) =>
        app.InTenantAsync(tenantId, async db =>
        {
            db.LegalHolds.Add(new LegalHold(recordType, recordId, "Case 4711", null, db.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Api.Ct);
        });

    /// <summary>
    /// Turns the tenant's newest entry into one of format v1, as written before the upgrade: no salt and digest, and the
    /// hash over the v1 canonical text computed here from docs/audit.md. Past the append-only protection, like a DBA.
    /// </summary>
    public static Task<long> DowngradeHeadToV1Async(this KontorAppFactory app, Guid tenantId) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync(Api.Ct);
            var hash = Sha256(string.Join('\n',
                "kontor-audit-v1", head.Id.ToString("D"), head.TenantId.ToString("D"), head.Sequence.ToString(CultureInfo.InvariantCulture),
                head.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                head.ActorId?.ToString("D") ?? "", head.ActorKind.ToString(), head.Channel.ToString(), head.Action.ToString(),
                head.RecordType ?? "", head.RecordId?.ToString("D") ?? "", head.Detail ?? "", head.PreviousHash));
            await BypassAsync(db, $"UPDATE \"AuditEntries\" SET \"PersonalSalt\" = NULL, \"PersonalDigest\" = NULL, \"Hash\" = {hash} WHERE \"Id\" = {head.Id}");
            return head.Sequence;
        });

    /// <summary>Runs a statement past the append-only protection: on SQLite without the triggers, on PostgreSQL as superuser with triggers off.</summary>
    public static async Task BypassAsync(KontorDb db, FormattableString sql)
    {
        if (db.Database.IsNpgsql())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Api.Ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica", Api.Ct);
            await db.Database.ExecuteSqlAsync(sql, Api.Ct);
            await transaction.CommitAsync(Api.Ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_append_only_update\"", Api.Ct);
            await db.Database.ExecuteSqlAsync(sql, Api.Ct);
            await db.Database.ExecuteSqlRawAsync(new AuditDatabaseObjects().Sqlite, Api.Ct);
        }
    }

    /// <summary>A time as the provider stores it, for raw SQL: UTC ticks on SQLite, a timestamptz on PostgreSQL.</summary>
    public static object Stored(KontorDb db, DateTimeOffset at) => db.Database.IsNpgsql() ? at : at.UtcTicks;

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
