using System.Diagnostics;
using System.Globalization;
using Kontor.Features.Sales.Forecasts;
using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Benchmarks;

/// <summary>
/// The opportunity board and the forecast of a tenant with many opportunities, through their slices vs their SQL
/// replayed (docs/performance.md, "Sales"). Targets: p95 at most 1.5 × the SQL and under 200 ms.
/// </summary>
internal static class SalesBenchmark
{
    public static async Task RunAsync(
        IServiceProvider services, SqlRecorder recorder, int rounds, int opportunities, Guid tenantId, Func<Guid, Func<Task<AsyncServiceScope>>> signedInAs)
    {
        var accounts = Math.Max(1, opportunities / 50);
        var bench = signedInAs(Guid.Empty);
        var team = await SalesDataset.CreateTeamAsync(services, bench, tenantId);
        var watch = Stopwatch.StartNew();
        await SalesDataset.WriteAsync(signedInAs(team.LeadId), team, accounts, opportunities);
        await using (var scope = await bench())
        {
            var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
            if (db.Database.IsNpgsql())
            {
                // As autovacuum leaves a table in steady use: statistics and visibility map current (index-only scans need the map).
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sales data: {accounts:N0} accounts, {opportunities:N0} opportunities of {SalesDataset.Reps} reps written in {watch.Elapsed.TotalSeconds:F0} s"));
        await MeasureAsync(recorder, rounds, team, signedInAs);
    }

    /// <summary>The cases, on data already written (this run's or a kept database's).</summary>
    public static async Task MeasureAsync(SqlRecorder recorder, int rounds, SalesTeam team, Func<Guid, Func<Task<AsyncServiceScope>>> signedInAs)
    {
        Console.WriteLine();
        Console.WriteLine(SliceVersusSql.Header);
        var measure = new SliceVersusSql(recorder, rounds);
        var lead = signedInAs(team.LeadId);
        var rep = signedInAs(team.RepIds[0]);
        await measure.RunAsync("board, team lead (whole team)", lead, s => BoardAsync(s, new GetOpportunityBoardRequest()));
        await measure.RunAsync("board, a rep's own", rep, s => BoardAsync(s, new GetOpportunityBoardRequest { Owner = "me" }));
        await measure.RunAsync("board, search 'projekt 00042'", lead, s => BoardAsync(s, new GetOpportunityBoardRequest { Search = "projekt 00042" }));
        await measure.RunAsync("forecast, team, this quarter", lead, s => ForecastAsync(s, new GetForecastRequest { Team = team.TeamId.ToString() }));
        await measure.RunAsync("forecast, a rep, this quarter", rep, s => ForecastAsync(s, new GetForecastRequest { User = "me" }));
        Console.WriteLine("Targets: p95 ratio at most 1.5 and slice p95 under 200 ms.");
    }

    private static async Task<bool> BoardAsync(IServiceProvider services, GetOpportunityBoardRequest request)
    {
        var board = await GetOpportunityBoard.ExecuteAsync(
            request, services.GetRequiredService<KontorDb>(), services.GetRequiredService<CurrentUser>(), services.GetRequiredService<AccessScope>(), CancellationToken.None);
        return board?.Columns.Any(c => c.Count > 0) == true;
    }

    private static async Task<bool> ForecastAsync(IServiceProvider services, GetForecastRequest request)
    {
        var forecast = await GetForecast.ExecuteAsync(
            request, services.GetRequiredService<SalesFigures>(), services.GetRequiredService<CurrentUser>(), TimeProvider.System, CancellationToken.None);
        return forecast.Currencies.Count > 0;
    }
}
