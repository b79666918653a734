using System.Net;
using System.Text;
using Kontor.Features.Integration.ImportExport.Imports;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kontor.Tests.Features.Integration.ImportExport;

public sealed class ImportRestartTests
{
    [Fact]
    public async Task Import_AppStoppedMidFile_ResumesAfterRestartAndImportsEveryRowOnce()
    {
        await using var first = new SlowImportAppFactory();
        await first.InitializeAsync();
        var rep = await first.CreateTenantWithUserAsync("Acme", Roles.SalesRep);
        var csv = new StringBuilder("Kundennummer;Firma;E-Mail\n");
        for (var i = 1; i <= 600; i++)
        {
            // Every 50th row is bad: rejected rows must be counted once too.
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"K-{i};Firma {i};{(i % 50 == 0 ? "broken" : $"info{i}@example.com")}\n");
        }

        var started = await rep.Client.PostImportAsync(ImportApi.File(csv.ToString(), new UTF8Encoding(false)), new { target = "Accounts" }).ExpectAsync(HttpStatusCode.Accepted);
        var id = started.Id();
        await rep.Client.WaitForImportAsync(id, j => j.Long("processedRows") >= 30);

        // The app goes down while the job runs: the batch being written is rolled back, the job stays Running.
        await first.Services.GetRequiredService<IHost>().StopAsync(Api.Ct);
        var (status, processed, committed, rejected, accounts) = ReadJobWhileDown(first);
        Assert.Equal(nameof(ImportStatus.Running), status);
        Assert.InRange(processed, 30, 599);
        Assert.Equal(processed, committed + rejected);
        Assert.Equal(committed, accounts);

        await using var second = new SlowImportAppFactory(first);
        await second.InitializeAsync();
        var client = await second.SignInAsync(rep.Email);
        var job = await client.WaitForImportAsync(id);

        Assert.Equal("Completed", job.Str("status"));
        Assert.Equal((600L, 588L, 12L), (job.Long("processedRows"), job.Long("committedRows"), job.Long("rejectedRows")));
        var externalIds = await second.InTenantAsync(rep.TenantId, db => db.Accounts.Select(a => a.ExternalId!).ToListAsync(Api.Ct));
        Assert.Equal(588, externalIds.Count);
        Assert.Equal(588, externalIds.Distinct().Count());
        Assert.Equal(12, (await client.ErrorsAsync(id)).Select(e => e.Row).Distinct().Count());
    }

    /// <summary>The one import job's status and counters and the number of accounts, read from the database directly.</summary>
    private static (string Status, long Processed, long Committed, long Rejected, long Accounts) ReadJobWhileDown(KontorAppFactory app)
    {
        using var connection = app.OpenDatabaseConnection();
        using var job = connection.CreateCommand();
        job.CommandText = "SELECT \"Status\", \"ProcessedRows\", \"CommittedRows\", \"RejectedRows\", (SELECT COUNT(*) FROM \"Accounts\") FROM \"ImportJobs\"";
        using var reader = job.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <summary>Batches of two rows, so the job is still running when the test stops the app.</summary>
    private sealed class SlowImportAppFactory : ImportAppFactory
    {
        public SlowImportAppFactory()
        {
        }

        public SlowImportAppFactory(SlowImportAppFactory sameDatabase)
            : base(sameDatabase)
        {
        }

        public override int BatchSize => 2;
    }
}
