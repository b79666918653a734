using Kontor.Platform.Data;

namespace Kontor.Platform.Search;

/// <summary>
/// The search index of one table with a <c>SearchTerms</c> column, kept current by the database on every write (also
/// writes that bypass EF, like bulk imports). SQLite: an external-content FTS5 trigram table <c>{Table}Search</c> over
/// the table's rows plus triggers; rebuilt when it is new or its rows drifted from the table's (a table rebuilt by a
/// migration renumbers rowids). PostgreSQL: pg_trgm and GIN indexes: words of the search terms (prefixes), trigrams of the search terms (digits) and of the sort name (typos). See ADR 0015.
/// </summary>
public sealed class GlobalSearchIndex(string table) : IDatabaseObjects
{
    public string Name => $"global search index of {table}";

    public string Sqlite => $"""
        CREATE VIRTUAL TABLE IF NOT EXISTS "{table}Search"
            USING fts5("Id" UNINDEXED, "SearchTerms", content='{table}', content_rowid='rowid', tokenize='trigram');

        INSERT INTO "{table}Search"("{table}Search") SELECT 'rebuild'
        WHERE (SELECT count(*) FROM "{table}") <> (SELECT count(*) FROM "{table}Search_docsize")
           OR (SELECT ifnull(max(rowid), 0) FROM "{table}") <> (SELECT ifnull(max(id), 0) FROM "{table}Search_docsize");

        DROP TRIGGER IF EXISTS "{table}_search_insert";
        CREATE TRIGGER "{table}_search_insert" AFTER INSERT ON "{table}" BEGIN
            INSERT INTO "{table}Search"(rowid, "Id", "SearchTerms") VALUES (new.rowid, new."Id", new."SearchTerms");
        END;

        DROP TRIGGER IF EXISTS "{table}_search_delete";
        CREATE TRIGGER "{table}_search_delete" AFTER DELETE ON "{table}" BEGIN
            INSERT INTO "{table}Search"("{table}Search", rowid, "Id", "SearchTerms") VALUES ('delete', old.rowid, old."Id", old."SearchTerms");
        END;

        DROP TRIGGER IF EXISTS "{table}_search_update";
        CREATE TRIGGER "{table}_search_update" AFTER UPDATE OF "SearchTerms" ON "{table}" BEGIN
            INSERT INTO "{table}Search"("{table}Search", rowid, "Id", "SearchTerms") VALUES ('delete', old.rowid, old."Id", old."SearchTerms");
            INSERT INTO "{table}Search"(rowid, "Id", "SearchTerms") VALUES (new.rowid, new."Id", new."SearchTerms");
        END;
        """;

    public string Postgres => $"""
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX IF NOT EXISTS "IX_{table}_SearchTerms_trigrams" ON "{table}" USING gin ("SearchTerms" gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS "IX_{table}_SearchTerms_words" ON "{table}" USING gin (to_tsvector('simple'::regconfig, "SearchTerms"));
        CREATE INDEX IF NOT EXISTS "IX_{table}_SortName_trigrams" ON "{table}" USING gin ("SortName" gin_trgm_ops);
        """;
}
