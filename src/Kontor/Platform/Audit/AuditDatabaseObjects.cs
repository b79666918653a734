using Kontor.Platform.Data;

namespace Kontor.Platform.Audit;

/// <summary>
/// Makes the audit log append-only in the database itself (ADR 0012): on SQLite triggers abort every UPDATE and
/// DELETE; on PostgreSQL the application's role and PUBLIC lose UPDATE, DELETE and TRUNCATE, and triggers refuse
/// them also to a role that still holds them (the table's owner, a superuser).
/// </summary>
internal sealed class AuditDatabaseObjects : IDatabaseObjects
{
    public string Name => "append-only audit log";

    public string Sqlite =>
        $"""
        CREATE TRIGGER IF NOT EXISTS "{AuditEntryConfiguration.Table}_append_only_update" BEFORE UPDATE ON "{AuditEntryConfiguration.Table}"
        BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only: they cannot be changed.'); END;
        CREATE TRIGGER IF NOT EXISTS "{AuditEntryConfiguration.Table}_append_only_delete" BEFORE DELETE ON "{AuditEntryConfiguration.Table}"
        BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only: they cannot be deleted.'); END;
        """;

    public string Postgres =>
        $"""
        CREATE OR REPLACE FUNCTION kontor_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'Audit entries are append-only: % is not allowed.', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        DROP TRIGGER IF EXISTS audit_entries_append_only ON "{AuditEntryConfiguration.Table}";
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "{AuditEntryConfiguration.Table}"
            FOR EACH ROW EXECUTE FUNCTION kontor_audit_append_only();
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "{AuditEntryConfiguration.Table}";
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "{AuditEntryConfiguration.Table}"
            FOR EACH STATEMENT EXECUTE FUNCTION kontor_audit_append_only();
        REVOKE UPDATE, DELETE, TRUNCATE ON "{AuditEntryConfiguration.Table}" FROM PUBLIC;
        REVOKE UPDATE, DELETE, TRUNCATE ON "{AuditEntryConfiguration.Table}" FROM CURRENT_USER;
        """;
}
