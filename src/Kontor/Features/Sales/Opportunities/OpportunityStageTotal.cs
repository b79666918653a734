using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>
/// How many live opportunities (not in the recycle bin) one owner has in one stage and currency, with one inside-sales
/// team, and the sum of their amounts: a running total the database keeps in step with every opportunity write (ADR 0026).
/// The board reads its column totals from here instead of adding up every opportunity.
/// </summary>
public sealed class OpportunityStageTotal : ITenantOwned
{
    private OpportunityStageTotal()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid PipelineId { get; private set; }

    public Guid StageId { get; private set; }

    public string Currency { get; private set; } = "";

    public Guid OwnerId { get; private set; }

    /// <summary>The opportunities' inside-sales team, <see cref="Guid.Empty"/> for none (a key column cannot be null).</summary>
    public Guid InsideSalesTeamKey { get; private set; }

    public int Count { get; private set; }

    /// <summary>Sum of the amounts in minor units, a missing amount counting as zero.</summary>
    public long Amount { get; private set; }

    /// <summary>
    /// The totals the reader may see: the same rule as the record-access filter on opportunities (KontorDb), which
    /// depends on nothing but owner and inside-sales team, both part of the key here.
    /// </summary>
    internal static IQueryable<OpportunityStageTotal> Visible(IQueryable<OpportunityStageTotal> totals, AccessScope access)
    {
        var key = Opportunity.SecuredObject.Key;
        if (access.ReadsAll(key))
        {
            return totals;
        }

        if (!access.ReadsOwn(key))
        {
            return totals.Where(t => false);
        }

        var owners = access.OwnerIds;
        var teams = access.TeamIds;
        return totals.Where(t => owners.Contains(t.OwnerId) || teams.Contains(t.InsideSalesTeamKey));
    }
}

internal sealed class OpportunityStageTotalConfiguration : IEntityTypeConfiguration<OpportunityStageTotal>
{
    public const string Table = "OpportunityStageTotals";

    public void Configure(EntityTypeBuilder<OpportunityStageTotal> total)
    {
        total.ToTable(Table);
        total.HasKey(t => new { t.TenantId, t.PipelineId, t.StageId, t.Currency, t.OwnerId, t.InsideSalesTeamKey });
        total.Property(t => t.Currency).HasMaxLength(3);
    }
}

/// <summary>
/// Keeps <see cref="OpportunityStageTotal"/> in step with the opportunities in the database itself, in the same
/// transaction as the write, whatever wrote it: the API and the pages through EF, the import's COPY and merge, set-based
/// updates (a stage's new name), the recycle bin and its purge (ADR 0026). PostgreSQL: statement triggers with transition
/// tables, one grouped upsert per statement; SQLite: row triggers. The totals are rebuilt from the opportunities when the
/// triggers are first created (PostgreSQL) and on every start (SQLite), so they cannot stay wrong across an upgrade.
/// </summary>
internal sealed class OpportunityStageTotalsObjects : IDatabaseObjects
{
    private const string Totals = OpportunityStageTotalConfiguration.Table;
    private const string Keys = "\"TenantId\", \"PipelineId\", \"StageId\", \"Currency\", \"OwnerId\", \"InsideSalesTeamKey\"";
    private const string NoTeam = "'00000000-0000-0000-0000-000000000000'";

    public string Name => "opportunity stage totals";

    public string Sqlite =>
        $"""
        DELETE FROM "{Totals}";
        INSERT INTO "{Totals}" ({Keys}, "Count", "Amount")
        SELECT "TenantId", "PipelineId", "StageId", "Currency", "OwnerId", COALESCE("InsideSalesTeamId", {NoTeam}), count(*), sum(COALESCE("Amount", 0))
        FROM "Opportunities" WHERE "DeletedAt" IS NULL
        GROUP BY "TenantId", "PipelineId", "StageId", "Currency", "OwnerId", COALESCE("InsideSalesTeamId", {NoTeam});
        CREATE TRIGGER IF NOT EXISTS "{Totals}_insert" AFTER INSERT ON "Opportunities" WHEN NEW."DeletedAt" IS NULL
        BEGIN
            {SqliteAdd("NEW", "1")}
        END;
        CREATE TRIGGER IF NOT EXISTS "{Totals}_update"
            AFTER UPDATE OF "TenantId", "PipelineId", "StageId", "Currency", "OwnerId", "InsideSalesTeamId", "Amount", "DeletedAt" ON "Opportunities"
        BEGIN
            {SqliteAdd("OLD", "-1")}
            {SqliteAdd("NEW", "1")}
        END;
        CREATE TRIGGER IF NOT EXISTS "{Totals}_delete" AFTER DELETE ON "Opportunities" WHEN OLD."DeletedAt" IS NULL
        BEGIN
            {SqliteAdd("OLD", "-1")}
        END;
        """;

    public string Postgres =>
        $"""
        CREATE OR REPLACE FUNCTION kontor_opportunity_stage_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                {PostgresAdd("SELECT *, 1 AS sign FROM new_rows")}
            ELSIF TG_OP = 'UPDATE' THEN
                {PostgresAdd("SELECT *, -1 AS sign FROM old_rows UNION ALL SELECT *, 1 AS sign FROM new_rows")}
            ELSIF TG_OP = 'DELETE' THEN
                {PostgresAdd("SELECT *, -1 AS sign FROM old_rows")}
            ELSE
                DELETE FROM "{Totals}";
            END IF;
            RETURN NULL;
        END
        $$;
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'opportunity_stage_totals_insert' AND tgrelid = '"Opportunities"'::regclass) THEN
                -- First start with the triggers: no opportunity may change between the rebuild and the triggers.
                LOCK TABLE "Opportunities" IN SHARE ROW EXCLUSIVE MODE;
                DROP TRIGGER IF EXISTS opportunity_stage_totals_update ON "Opportunities";
                DROP TRIGGER IF EXISTS opportunity_stage_totals_delete ON "Opportunities";
                DROP TRIGGER IF EXISTS opportunity_stage_totals_truncate ON "Opportunities";
                DELETE FROM "{Totals}";
                INSERT INTO "{Totals}" ({Keys}, "Count", "Amount")
                SELECT "TenantId", "PipelineId", "StageId", "Currency", "OwnerId", COALESCE("InsideSalesTeamId", {NoTeam}), count(*), COALESCE(sum("Amount"), 0)
                FROM "Opportunities" WHERE "DeletedAt" IS NULL
                GROUP BY "TenantId", "PipelineId", "StageId", "Currency", "OwnerId", COALESCE("InsideSalesTeamId", {NoTeam});
                CREATE TRIGGER opportunity_stage_totals_insert AFTER INSERT ON "Opportunities"
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kontor_opportunity_stage_totals();
                CREATE TRIGGER opportunity_stage_totals_update AFTER UPDATE ON "Opportunities"
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kontor_opportunity_stage_totals();
                CREATE TRIGGER opportunity_stage_totals_delete AFTER DELETE ON "Opportunities"
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kontor_opportunity_stage_totals();
                CREATE TRIGGER opportunity_stage_totals_truncate AFTER TRUNCATE ON "Opportunities"
                    FOR EACH STATEMENT EXECUTE FUNCTION kontor_opportunity_stage_totals();
            END IF;
        END
        $$;
        """;

    // One row's contribution, added (sign 1) or taken away (sign -1) when the row is live.
    private static string SqliteAdd(string row, string sign) =>
        $"""
        INSERT INTO "{Totals}" ({Keys}, "Count", "Amount")
            SELECT {row}."TenantId", {row}."PipelineId", {row}."StageId", {row}."Currency", {row}."OwnerId", COALESCE({row}."InsideSalesTeamId", {NoTeam}), {sign}, {sign} * COALESCE({row}."Amount", 0)
            WHERE {row}."DeletedAt" IS NULL
            ON CONFLICT ({Keys}) DO UPDATE SET "Count" = "Count" + excluded."Count", "Amount" = "Amount" + excluded."Amount";
        """;

    // The live rows of the statement, grouped, in key order (so concurrent statements lock totals rows in the same
    // order); groups that do not change (an edit of the name or the next step) lock nothing.
    private static string PostgresAdd(string changes) =>
        $"""
        INSERT INTO "{Totals}" AS t ({Keys}, "Count", "Amount")
                SELECT "TenantId", "PipelineId", "StageId", "Currency", "OwnerId", COALESCE("InsideSalesTeamId", {NoTeam}), sum(sign)::int, sum(sign * COALESCE("Amount", 0))::bigint
                FROM ({changes}) AS changes
                WHERE "DeletedAt" IS NULL
                GROUP BY 1, 2, 3, 4, 5, 6
                HAVING sum(sign) <> 0 OR sum(sign * COALESCE("Amount", 0)) <> 0
                ORDER BY 1, 2, 3, 4, 5, 6
                ON CONFLICT ({Keys}) DO UPDATE SET "Count" = t."Count" + excluded."Count", "Amount" = t."Amount" + excluded."Amount";
        """;
}
