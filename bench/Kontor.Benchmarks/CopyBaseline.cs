using System.Diagnostics;
using System.Text;
using CsvHelper;
using Npgsql;
using NpgsqlTypes;

namespace Kontor.Benchmarks;

/// <summary>
/// What PostgreSQL itself can take in: the same CSV file parsed with CsvHelper and written with Npgsql's binary
/// <c>COPY</c> into an unlogged table without indexes or constraints. Kontor's import is measured against this.
/// </summary>
internal static class CopyBaseline
{
    public static async Task<(long Rows, TimeSpan Elapsed)> RunAsync(string connectionString, string csv, string[] columns)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var table = "bench_raw_" + Guid.NewGuid().ToString("N");
        var definition = string.Join(", ", columns.Select((_, i) => $"c{i} text"));
        await using (var create = new NpgsqlCommand($"CREATE UNLOGGED TABLE {table} ({definition})", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var watch = Stopwatch.StartNew();
            long rows = 0;
            using (var parser = CsvReader.Create(File.OpenRead(csv), new CsvReaderOptions { Separator = ';', HasHeader = true, Encoding = Encoding.UTF8 }, leaveOpen: false))
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)"))
            {
                while (parser.Read())
                {
                    await copy.StartRowAsync();
                    for (var i = 0; i < columns.Length; i++)
                    {
                        await copy.WriteAsync(parser.GetString(i), NpgsqlDbType.Text);
                    }

                    rows++;
                }

                await copy.CompleteAsync();
            }

            return (rows, watch.Elapsed);
        }
        finally
        {
            await using var drop = new NpgsqlCommand($"DROP TABLE {table}", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
