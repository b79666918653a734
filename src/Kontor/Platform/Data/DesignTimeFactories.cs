using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kontor.Platform.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app (used by eng/add-migration.sh).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKontorDb>
{
    public SqliteKontorDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteKontorDb>().UseSqlite("Data Source=design-time.db").Options,
        new TenantContext(), new AccessScope(), new CurrentUser(), TimeProvider.System);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server (used by eng/add-migration.sh).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKontorDb>
{
    public PostgresKontorDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresKontorDb>().UseNpgsql("Host=localhost;Database=kontor_design").Options,
        new TenantContext(), new AccessScope(), new CurrentUser(), TimeProvider.System);
}
