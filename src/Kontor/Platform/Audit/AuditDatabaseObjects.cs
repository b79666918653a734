using Kontor.Platform.Data;

namespace Kontor.Platform.Audit;

/// <summary>
/// Makes the audit log append-only in the database itself (ADR 0012), with one narrow exception (ADR 0028): the
/// redaction of a v2 entry, which only removes its person-identifying fields and salt and records when and by which
/// Redact entry. On SQLite triggers abort every DELETE and every UPDATE that is not exactly such a redaction; on
/// PostgreSQL the application's role and PUBLIC lose DELETE and TRUNCATE and keep UPDATE only on the redactable
/// columns, and triggers refuse the rest also to a role that still holds more (the table's owner, a superuser).
/// </summary>
internal sealed class AuditDatabaseObjects : IDatabaseObjects
{
    /// <summary>The columns a redaction may change; every other column of the table must stay as it is.</summary>
    public static IReadOnlyList<string> RedactableColumns { get; } =
        [nameof(AuditEntry.ActorId), nameof(AuditEntry.RecordId), nameof(AuditEntry.PersonalSalt), nameof(AuditEntry.RedactedAt), nameof(AuditEntry.RedactedBy)];

    /// <summary>The columns no statement may change.</summary>
    public static IReadOnlyList<string> FixedColumns { get; } =
    [
        nameof(AuditEntry.Id), nameof(AuditEntry.TenantId), nameof(AuditEntry.Sequence), nameof(AuditEntry.At), nameof(AuditEntry.ActorKind),
        nameof(AuditEntry.Channel), nameof(AuditEntry.Action), nameof(AuditEntry.RecordType), nameof(AuditEntry.Detail),
        nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash), nameof(AuditEntry.PersonalDigest),
    ];

    private const string Table = AuditEntryConfiguration.Table;

    public string Name => "append-only audit log";

    public string Sqlite =>
        $"""
        DROP TRIGGER IF EXISTS "{Table}_append_only_update";
        CREATE TRIGGER "{Table}_append_only_update" BEFORE UPDATE ON "{Table}"
        WHEN NOT ({Redaction("IS")})
        BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only: they cannot be changed, only a v2 entry''s personal fields removed by retention.'); END;
        CREATE TRIGGER IF NOT EXISTS "{Table}_append_only_delete" BEFORE DELETE ON "{Table}"
        BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only: they cannot be deleted.'); END;
        """;

    public string Postgres =>
        $"""
        CREATE OR REPLACE FUNCTION kontor_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                IF {Redaction("IS NOT DISTINCT FROM")} THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'Audit entries are append-only: they cannot be changed, only a v2 entry''s personal fields removed by retention.' USING ERRCODE = 'insufficient_privilege';
            END IF;
            RAISE EXCEPTION 'Audit entries are append-only: % is not allowed.', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        DROP TRIGGER IF EXISTS audit_entries_append_only ON "{Table}";
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "{Table}"
            FOR EACH ROW EXECUTE FUNCTION kontor_audit_append_only();
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "{Table}";
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "{Table}"
            FOR EACH STATEMENT EXECUTE FUNCTION kontor_audit_append_only();
        REVOKE UPDATE, DELETE, TRUNCATE ON "{Table}" FROM PUBLIC;
        REVOKE UPDATE, DELETE, TRUNCATE ON "{Table}" FROM CURRENT_USER;
        GRANT UPDATE ({string.Join(", ", RedactableColumns.Select(c => $"\"{c}\""))}) ON "{Table}" TO CURRENT_USER;
        """;

    /// <summary>
    /// The one allowed update, as a condition on OLD and NEW: a v2 entry not yet redacted gets a redaction time and the
    /// later Redact entry's sequence, loses actor, salt and (for a person's record) the record id, and nothing else changes.
    /// </summary>
    private static string Redaction(string same)
    {
        var persons = string.Join(", ", AuditChain.PersonRecordTypes.Select(t => $"'{t}'"));
        var unchanged = string.Join(" AND ", FixedColumns.Select(c => $"NEW.\"{c}\" {same} OLD.\"{c}\""));
        return $"""
            (OLD."PersonalDigest" IS NOT NULL AND OLD."RedactedAt" IS NULL
                AND NEW."RedactedAt" IS NOT NULL AND NEW."RedactedBy" IS NOT NULL AND NEW."RedactedBy" > OLD."Sequence"
                AND NEW."ActorId" IS NULL AND NEW."PersonalSalt" IS NULL
                AND (CASE WHEN OLD."RecordType" IN ({persons}) THEN NEW."RecordId" IS NULL ELSE NEW."RecordId" {same} OLD."RecordId" END)
                AND {unchanged})
            """;
    }
}
