using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Data;

/// <summary>The production database: PostgreSQL. Owns the migrations under <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresKontorDb(DbContextOptions<PostgresKontorDb> options, TenantContext tenant, AccessScope access, CurrentUser actor, TimeProvider clock)
    : KontorDb(options, tenant, access, actor, clock)
{
    public override string ProviderName => "PostgreSQL";

    internal override bool StampsVersion => false;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(RecordEntity).IsAssignableFrom(t.ClrType)))
        {
            // A uint row version maps to PostgreSQL's xmin system column: no extra column, bumped by every update.
            builder.Entity(entity.ClrType).Property(nameof(RecordEntity.Version)).IsRowVersion();
        }
    }
}
