using Kontor.Platform.Audit;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Platform.Audit;

/// <summary>Reads a tenant's audit log and field history, and tampers with the log the way only a database administrator could.</summary>
internal static class AuditTestData
{
    public static Task<List<AuditEntry>> EntriesAsync(this KontorAppFactory app, Guid tenantId) =>
        app.InTenantAsync(tenantId, db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Api.Ct));

    public static Task<List<FieldChange>> FieldChangesAsync(this KontorAppFactory app, Guid tenantId, Guid recordId) =>
        app.InTenantAsync(tenantId, db => db.FieldChanges.AsNoTracking().Where(c => c.RecordId == recordId).OrderBy(c => c.Field).ToListAsync(Api.Ct));

    /// <summary>
    /// Changes the detail of one stored entry past the append-only protection: on SQLite by dropping the triggers for
    /// the moment, on PostgreSQL as superuser with triggers off for the transaction.
    /// </summary>
    public static Task TamperAsync(this KontorAppFactory app, Guid tenantId, long sequence, string detail) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var id = await db.AuditEntries.Where(e => e.Sequence == sequence).Select(e => e.Id).SingleAsync(Api.Ct);
            if (db.Database.IsNpgsql())
            {
                await using var transaction = await db.Database.BeginTransactionAsync(Api.Ct);
                await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica", Api.Ct);
                await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Detail\" = {detail} WHERE \"Id\" = {id}", Api.Ct);
                await transaction.CommitAsync(Api.Ct);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_append_only_update\"", Api.Ct);
                await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Detail\" = {detail} WHERE \"Id\" = {id}", Api.Ct);
                await db.Database.ExecuteSqlRawAsync(new AuditDatabaseObjects().Sqlite, Api.Ct);
            }
        });

    /// <summary>Removes one stored entry past the append-only protection.</summary>
    public static Task CutOutAsync(this KontorAppFactory app, Guid tenantId, long sequence) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var id = await db.AuditEntries.Where(e => e.Sequence == sequence).Select(e => e.Id).SingleAsync(Api.Ct);
            if (db.Database.IsNpgsql())
            {
                await using var transaction = await db.Database.BeginTransactionAsync(Api.Ct);
                await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica", Api.Ct);
                await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {id}", Api.Ct);
                await transaction.CommitAsync(Api.Ct);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_append_only_delete\"", Api.Ct);
                await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {id}", Api.Ct);
                await db.Database.ExecuteSqlRawAsync(new AuditDatabaseObjects().Sqlite, Api.Ct);
            }
        });
}
