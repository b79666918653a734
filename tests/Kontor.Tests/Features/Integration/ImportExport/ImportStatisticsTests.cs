using System.Text;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Integration.ImportExport;

/// <summary>An import app whose threshold for refreshing statistics is two records.</summary>
public sealed class AnalyzingImportAppFactory : ImportAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Kontor:Imports:AnalyzeAfterRecords"] = "2" };
}

public sealed class ImportStatisticsTests(AnalyzingImportAppFactory app) : IClassFixture<AnalyzingImportAppFactory>
{
    [Fact]
    public async Task Import_OfAtLeastTheThresholdOfRecords_RefreshesTheStatisticsOfTheTableItWrote()
    {
        var rep = await app.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var before = SampledColumns("Contacts");

        var one = await rep.Client.ImportAsync(Encoding.UTF8.GetBytes("Nachname\r\nMeier\r\n"), new { target = "Contacts" });
        var afterOne = SampledColumns("Contacts");
        var two = await rep.Client.ImportAsync(Encoding.UTF8.GetBytes("Nachname\r\nSchulz\r\nBrandt\r\n"), new { target = "Contacts" });

        Assert.Equal(1, one.Long("committedRows"));
        Assert.Equal(2, two.Long("committedRows"));
        Assert.Equal(0, before);
        Assert.Equal(0, afterOne);
        Assert.True(SampledColumns("Contacts") > 0);
        Assert.Equal(0, SampledColumns("Accounts"));
    }

    /// <summary>How many of the table's columns (PostgreSQL) or indexes (SQLite) have statistics; only ANALYZE writes them.</summary>
    private long SampledColumns(string table)
    {
        using var connection = app.OpenDatabaseConnection();
        if (!KontorAppFactory.OnPostgres && Count(connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'") == 0)
        {
            return 0;
        }

        return Count(connection, KontorAppFactory.OnPostgres
            ? $"SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = '{table}'"
            : $"SELECT count(*) FROM sqlite_stat1 WHERE tbl = '{table}'");
    }

    private static long Count(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
