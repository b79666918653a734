using System.Net;
using System.Text;
using Kontor.Features.Integration.ImportExport.Imports;
using Kontor.Platform.Access;
using Kontor.Platform.Identity;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kontor.Tests.Features.Integration.ImportExport;

public sealed class LeadImportRestartTests
{
    [Fact]
    public async Task LeadImport_AppStoppedMidFile_ResumesWithoutDuplicatesOrLostRoundRobinTurns()
    {
        await using var first = new SlowLeadImportAppFactory();
        await first.InitializeAsync();
        var admin = await first.CreateTenantWithUserAsync("Acme");
        var a = await first.CreateUserAsync(admin.TenantId, [Roles.InsideSales]);
        var b = await first.CreateUserAsync(admin.TenantId, [Roles.InsideSales]);
        var team = await first.CreateTeamAsync(admin.TenantId, TeamKind.InsideSales, a.Id, b.Id);
        await admin.Client.CreateAssignmentRuleAsync(new { name = "Inside sales", roundRobinTeamId = team });
        var csv = new StringBuilder("Lead-ID;Nachname;E-Mail\n");
        for (var i = 1; i <= 300; i++)
        {
            // Every 25th row is bad: rejected rows must be counted once too.
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"L-{i};Lead {i};{(i % 25 == 0 ? "broken" : $"lead{i}@example.com")}\n");
        }

        var started = await admin.Client.PostImportAsync(ImportApi.File(csv.ToString(), new UTF8Encoding(false)), new { target = "Leads" }).ExpectAsync(HttpStatusCode.Accepted);
        var id = started.Id();
        await admin.Client.WaitForImportAsync(id, j => j.Long("processedRows") >= 20);

        // The app goes down while the job runs: the batch being written is rolled back, the job stays Running.
        await first.Services.GetRequiredService<IHost>().StopAsync(Api.Ct);
        await using var second = new SlowLeadImportAppFactory(first);
        await second.InitializeAsync();
        var client = await second.SignInAsync(admin.Email);
        var job = await client.WaitForImportAsync(id);

        Assert.Equal("Completed", job.Str("status"));
        Assert.Equal((300L, 288L, 12L), (job.Long("processedRows"), job.Long("committedRows"), job.Long("rejectedRows")));
        var leads = await second.InTenantAsync(admin.TenantId, db => db.Leads.Select(l => new { l.ExternalId, l.OwnerId }).ToListAsync(Api.Ct));
        Assert.Equal(288, leads.Count);
        Assert.Equal(288, leads.Select(l => l.ExternalId).Distinct().Count());
        Assert.Equal((144, 144), (leads.Count(l => l.OwnerId == a.Id), leads.Count(l => l.OwnerId == b.Id)));
        Assert.Equal(288, await second.InTenantAsync(admin.TenantId, db => db.LeadAssignmentRules.Select(r => r.RoundRobinCounter).SingleAsync(Api.Ct)));
        Assert.Equal(nameof(ImportStatus.Completed), job.Str("status"));
    }

    /// <summary>Batches of two rows, so the job is still running when the test stops the app.</summary>
    private sealed class SlowLeadImportAppFactory : ImportAppFactory
    {
        public SlowLeadImportAppFactory()
        {
        }

        public SlowLeadImportAppFactory(SlowLeadImportAppFactory sameDatabase)
            : base(sameDatabase)
        {
        }

        public override int BatchSize => 2;
    }
}
