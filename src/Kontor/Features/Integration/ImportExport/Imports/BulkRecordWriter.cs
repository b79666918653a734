using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>
/// Writes the records an import batch created or changed. The entities are built and changed in .NET through their
/// constructors and <c>Apply</c> (so derived columns like SortName and SearchTerms come from the one place that
/// computes them) and tracked by the context. On SQLite the context saves them (one transaction per batch; the
/// database has a single writer anyway). On PostgreSQL the tracked rows are copied with binary <c>COPY</c> into a
/// temporary staging table and merged into the table with one <c>INSERT … ON CONFLICT DO UPDATE</c>; columns and
/// values come from the EF model, so the writer knows no entity. That path bypasses the save interceptors, so it
/// stamps tenant, creation and change itself and writes the field history of changed records.
/// </summary>
internal static class BulkRecordWriter
{
    /// <summary>Columns an update keeps as stored.</summary>
    private static readonly HashSet<string> Kept =
    [
        nameof(RecordEntity.Id), nameof(RecordEntity.TenantId), nameof(RecordEntity.CreatedAt), nameof(RecordEntity.CreatedBy),
        nameof(RecordEntity.DeletedAt), nameof(RecordEntity.DeletedBy),
    ];

    /// <summary>Writes every added or modified <typeparamref name="T"/> the context tracks; returns (created, updated).</summary>
    public static async Task<(int Created, int Updated)> WriteAsync<T>(KontorDb db, CancellationToken ct)
        where T : RecordEntity
    {
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries<T>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var created = entries.Count(e => e.State == EntityState.Added);
        var updated = entries.Count - created;
        if (entries.Count == 0)
        {
            return (0, 0);
        }

        if (!db.Database.IsNpgsql())
        {
            await db.SaveChangesAsync(ct);
            return (created, updated);
        }

        var now = db.Clock.GetUtcNow();
        var actor = db.Actor.ActorId;
        var tenant = db.Tenant.TenantId ?? throw new InvalidOperationException("An import runs inside a tenant.");
        foreach (var entry in entries)
        {
            var record = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                record.TenantId = tenant;
                record.CreatedAt = now;
                record.CreatedBy = actor;
            }
            else
            {
                if (record.TenantId != tenant)
                {
                    throw new InvalidOperationException($"Refusing to change a {typeof(T).Name} of another tenant.");
                }

                db.FieldChanges.AddRange(AuditInterceptor.FieldChangesOf(db, entry, tenant));
            }

            record.UpdatedAt = now;
            record.UpdatedBy = actor;
        }

        await CopyAndMergeAsync(db, entries.Select(e => e.Entity).ToList(), ct);
        foreach (var entry in entries)
        {
            entry.State = EntityState.Detached;
        }

        return (created, updated);
    }

    private static async Task CopyAndMergeAsync<T>(KontorDb db, List<T> records, CancellationToken ct)
        where T : RecordEntity
    {
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var table = entityType.GetTableName()!;
        var columns = Columns(entityType);
        var stage = "import_stage_" + table.ToLowerInvariant();
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        // A temporary table of the target's columns, private to this connection and emptied by every commit.
        // Names come from the EF model, never from input.
        var create = $"CREATE TEMP TABLE IF NOT EXISTS {stage} AS SELECT {names} FROM {Quote(table)} WITH NO DATA; TRUNCATE {stage}";
        await db.Database.ExecuteSqlRawAsync(create, ct);
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {stage} ({names}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var record in records)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    var value = column.Value(record);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await importer.WriteAsync(value, column.StoreType, ct);
                    }
                }
            }

            await importer.CompleteAsync(ct);
        }

        var updates = string.Join(", ", columns.Where(c => !Kept.Contains(c.Name)).Select(c => $"{Quote(c.Name)} = EXCLUDED.{Quote(c.Name)}"));
        var merge = $"""
             INSERT INTO {Quote(table)} AS t ({names}) SELECT {names} FROM {stage}
             ON CONFLICT ("Id") DO UPDATE SET {updates} WHERE t."TenantId" = EXCLUDED."TenantId"
             """;
        await db.Database.ExecuteSqlRawAsync(merge, ct);
    }

    /// <summary>The table's columns with a getter of each one's stored value (converters applied), complex properties included.</summary>
    private static List<Column> Columns(IEntityType entityType)
    {
        var columns = new List<Column>();
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        foreach (var property in entityType.GetProperties())
        {
            if (property.GetColumnName(table) is { } name && !property.IsConcurrencyToken)
            {
                columns.Add(Column.Of(name, property, record => property.PropertyInfo?.GetValue(record)));
            }
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                if (property.GetColumnName(table) is { } name)
                {
                    columns.Add(Column.Of(name, property, record => complex.PropertyInfo?.GetValue(record) is { } value ? property.PropertyInfo?.GetValue(value) : null));
                }
            }
        }

        return columns;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(string Name, string StoreType, Func<object, object?> Value)
    {
        public static Column Of(string name, IProperty property, Func<object, object?> read)
        {
            var converter = property.GetTypeMapping().Converter;
            var storeType = property.GetColumnType();

            // Npgsql names types without their size: character varying(200) is written as character varying.
            var parenthesis = storeType.IndexOf('(', StringComparison.Ordinal);
            storeType = parenthesis < 0 ? storeType : storeType[..parenthesis].TrimEnd();
            return new Column(name, storeType, converter is null
                ? read
                : record => read(record) is { } value ? converter.ConvertToProvider(value) : null);
        }
    }
}
