using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kontor.Benchmarks;

/// <summary>
/// Times a Kontor slice and, as the baseline, the very SQL that slice sent, replayed directly on the same
/// connection; prints p50 and p95 of both and the p95 ratio, so the figure is Kontor's cost on top of the database.
/// </summary>
internal sealed class SliceVersusSql(SqlRecorder recorder, int rounds)
{
    public const string Header = "Case                                slice p50  slice p95    SQL p50    SQL p95  p95 ratio";

    /// <summary>Runs <paramref name="slice"/> in a fresh signed-in scope per round; it returns false when it found nothing, which would make the case meaningless.</summary>
    public async Task<(double SliceP95, double SqlP95)> RunAsync(string name, Func<Task<AsyncServiceScope>> signedInScope, Func<IServiceProvider, Task<bool>> slice)
    {
        var sliceTimes = new List<double>();
        var sqlTimes = new List<double>();
        for (var round = 0; round < rounds + 5; round++)
        {
            await using var scope = await signedInScope();
            recorder.Start();
            var watch = Stopwatch.StartNew();
            var found = await slice(scope.ServiceProvider);
            watch.Stop();
            var commands = recorder.Stop();
            if (!found)
            {
                throw new InvalidOperationException($"The case '{name}' found nothing; the benchmark data does not fit it.");
            }

            var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
            var replay = await ReplayAsync(db.Database.GetDbConnection(), commands);
            if (round >= 5)
            {
                sliceTimes.Add(watch.Elapsed.TotalMilliseconds);
                sqlTimes.Add(replay.TotalMilliseconds);
            }
        }

        var result = (Percentile(sliceTimes, 95), Percentile(sqlTimes, 95));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {Percentile(sliceTimes, 50),10:F2} {result.Item1,10:F2} {Percentile(sqlTimes, 50),10:F2} {result.Item2,10:F2} {result.Item1 / result.Item2,10:F2}"));
        return result;
    }

    // The replay opens the pooled connection once; EF opens and closes it around each command, so the baseline
    // is, if anything, a little faster than what the slice could ever reach.
    private static async Task<TimeSpan> ReplayAsync(DbConnection connection, List<RecordedCommand> commands)
    {
        var watch = Stopwatch.StartNew();
        await connection.OpenAsync();
        foreach (var command in commands)
        {
            await using var sql = connection.CreateCommand();
            sql.CommandText = command.Text;
            foreach (var (parameterName, value) in command.Parameters)
            {
                var parameter = sql.CreateParameter();
                parameter.ParameterName = parameterName;
                parameter.Value = value;
                sql.Parameters.Add(parameter);
            }

            await using var reader = await sql.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }
            }
        }

        await connection.CloseAsync();
        return watch.Elapsed;
    }

    public static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}

internal sealed record RecordedCommand(string Text, List<(string Name, object Value)> Parameters);

/// <summary>Records the SQL and parameters of the commands EF sends while recording.</summary>
internal sealed class SqlRecorder : DbCommandInterceptor
{
    private List<RecordedCommand>? recorded;

    public void Start() => recorded = [];

    public List<RecordedCommand> Stop()
    {
        var commands = recorded ?? [];
        recorded = null;
        return commands;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    // Session settings a slice makes (the global search's similarity threshold) are part of its SQL too.
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) =>
        recorded?.Add(new(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value))]));
}
