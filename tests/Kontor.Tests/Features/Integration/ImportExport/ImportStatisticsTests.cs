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
        Assert.Equal(KontorAppFactory.OnPostgres, SampledColumns("Contacts") > 0);
        Assert.Equal(0, SampledColumns("Accounts"));
    }

    /// <summary>PostgreSQL: how many of the table's columns have statistics (only ANALYZE writes them); SQLite: 0, it is not analysed.</summary>
    private long SampledColumns(string table)
    {
        if (!KontorAppFactory.OnPostgres)
        {
            return 0;
        }

        using var connection = app.OpenDatabaseConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = '{table}'";
        return (long)command.ExecuteScalar()!;
    }
}
