using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Data;

/// <summary>The embedded default: a SQLite file. Owns the migrations under <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteKontorDb(DbContextOptions<SqliteKontorDb> options, TenantContext tenant, AccessScope access, CurrentUser actor, TimeProvider clock)
    : KontorDb(options, tenant, access, actor, clock)
{
    public override string ProviderName => "SQLite";

    internal override bool StampsVersion => true;

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);

        // SQLite cannot compare or ORDER BY DateTimeOffset in SQL; store UTC ticks so it can.
        conventions.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(RecordEntity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(RecordEntity.Version)).IsConcurrencyToken();
        }
    }
}
