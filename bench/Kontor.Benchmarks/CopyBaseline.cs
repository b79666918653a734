using System.Diagnostics;
using System.Text;
using CsvHelper;
using Npgsql;
using NpgsqlTypes;

namespace Kontor.Benchmarks;

/// <summary>
/// What PostgreSQL itself can take in: the same CSV file parsed with CsvHelper and written with Npgsql's binary
/// <c>COPY</c> into an unlogged table without indexes or constraints. Kontor's import is measured against this, and
/// against the database's own cost of the table Kontor writes (<see cref="IndexedTableAsync"/>).
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

    /// <summary>
    /// The ceiling of any import into <paramref name="table"/>: the rows Kontor wrote there, inserted again by the
    /// database itself (<c>INSERT … SELECT</c>, nothing parsed, validated or sent over the wire) into a new table with
    /// the same columns and indexes (<c>LIKE … INCLUDING ALL</c>; foreign keys are not copied, so the ceiling is, if
    /// anything, a little high).
    /// </summary>
    public static async Task<(long Rows, TimeSpan Elapsed)> IndexedTableAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var copy = "bench_indexed_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(connection, $"CREATE TABLE {copy} (LIKE \"{table}\" INCLUDING ALL)");
        try
        {
            var watch = Stopwatch.StartNew();
            var rows = await ExecuteAsync(connection, $"INSERT INTO {copy} SELECT * FROM \"{table}\"");
            return (rows, watch.Elapsed);
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP TABLE {copy}");
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync();
    }
}
