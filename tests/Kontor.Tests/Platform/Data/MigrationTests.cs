using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kontor.Tests.Platform.Data;

public sealed class MigrationTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_HasNoChangesMissingAMigration(string provider)
    {
        using DbContext db = provider == "Sqlite"
            ? ((IDesignTimeDbContextFactory<SqliteKontorDb>)Activator.CreateInstance(typeof(SqliteKontorDb).Assembly.GetType("Kontor.Platform.Data.SqliteDesignTimeFactory")!, nonPublic: true)!).CreateDbContext([])
            : ((IDesignTimeDbContextFactory<PostgresKontorDb>)Activator.CreateInstance(typeof(PostgresKontorDb).Assembly.GetType("Kontor.Platform.Data.PostgresDesignTimeFactory")!, nonPublic: true)!).CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes without a migration. Run eng/add-migration.sh <Name>.");
    }
}
