namespace Kontor.Platform.Data;

/// <summary>
/// Database objects EF Core's model cannot describe (SQLite triggers and FTS5 tables, PostgreSQL extensions,
/// trigram indexes, privileges), contributed by a module and applied after the migrations on every start.
/// Each script must be idempotent (<c>IF NOT EXISTS</c>, <c>CREATE OR REPLACE</c>) and may rely on every table
/// the migrations create; see ADR 0010.
/// </summary>
public interface IDatabaseObjects
{
    /// <summary>Shown in the log when the script fails.</summary>
    string Name { get; }

    /// <summary>The script for SQLite, or null when the module needs nothing there.</summary>
    string? Sqlite { get; }

    /// <summary>The script for PostgreSQL, or null when the module needs nothing there.</summary>
    string? Postgres { get; }
}
