using System.Globalization;
using CsvHelper;
using Kontor.Platform.Http;
using MiniExcelLibs;

namespace Kontor.Features.Integration.ImportExport.Exports;

/// <summary>A column of an export: its header and the text a row puts in it.</summary>
internal sealed record ExportColumn<T>(string Header, Func<T, string?> Value);

/// <summary>The file formats a list exports to.</summary>
internal enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes rows to CSV (UTF-8 with BOM, <c>,</c> or <c>;</c>) or XLSX while they stream from the database: memory stays
/// flat whatever the number of rows. Every text cell passes <see cref="SpreadsheetCells.Neutralize"/>.
/// </summary>
internal static class ExportFile
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Rows written between two flushes of a CSV, so the download starts at once and proceeds steadily.</summary>
    private const int FlushEveryRows = 1000;

    /// <summary>Reads <c>format</c> (csv, xlsx; csv when left out) and <c>delimiter</c> (comma, semicolon; comma when left out), or throws a 400.</summary>
    public static (ExportFormat Format, char Separator) Parse(string? format, string? delimiter)
    {
        var errors = new Dictionary<string, string[]>();
        ExportFormat parsedFormat = ExportFormat.Csv;
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "" or "csv": break;
            case "xlsx": parsedFormat = ExportFormat.Xlsx; break;
            default: errors["format"] = ["Use csv or xlsx."]; break;
        }

        var parsedDelimiter = ',';
        switch (delimiter?.Trim().ToLowerInvariant())
        {
            case null or "" or "comma": break;
            case "semicolon": parsedDelimiter = ';'; break;
            default: errors["delimiter"] = ["Use comma or semicolon (for Excel with German settings)."]; break;
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : (parsedFormat, parsedDelimiter);
    }

    /// <summary>The download: streams <paramref name="rows"/> into the response as they are read.</summary>
    public static IResult Stream<T>(
        string baseName, ExportFormat format, char separator, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, DateTimeOffset now, CancellationToken ct)
    {
        var date = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return format == ExportFormat.Xlsx
            ? TypedResults.Stream(stream => WriteXlsxAsync(stream, columns, rows, ct), XlsxContentType, $"{baseName}-{date}.xlsx")
            : TypedResults.Stream(stream => WriteCsvAsync(stream, columns, rows, separator, ct), CsvContentType + "; charset=utf-8", $"{baseName}-{date}.csv");
    }

    public static async Task WriteCsvAsync<T>(Stream stream, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, char separator, CancellationToken ct)
    {
        // The byte order mark tells Excel the file is UTF-8; without it umlauts come out garbled.
        var options = new CsvWriterOptions { Separator = separator, WriteByteOrderMark = true };
        await using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. columns.Select(c => c.Header)], ct);
        var written = 0;
        var fields = new string?[columns.Count];
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                fields[i] = SpreadsheetCells.Neutralize(columns[i].Value(row));
            }

            await csv.WriteRecordAsync(fields!, ct);
            if (++written % FlushEveryRows == 0)
            {
                await csv.FlushAsync(ct);
            }
        }

        await csv.FlushAsync(ct);
    }

    /// <summary>
    /// An XLSX file is a zip archive that cannot be written to a response stream directly, so it is written to a temporary file
    /// (memory stays flat) which is then copied to the response and deleted.
    /// </summary>
    public static async Task WriteXlsxAsync<T>(Stream stream, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kontor-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                // MiniExcel takes the header row from the first row; without rows, an empty table with the columns gives it.
                await using var cells = Cells(columns, rows, ct).GetAsyncEnumerator(ct);
                object sheet = await cells.MoveNextAsync() ? FromCurrent(cells) : HeaderOnly(columns);
                await file.SaveAsAsync(sheet, sheetName: "Export", cancellationToken: ct);
            }

            await using var written = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await written.CopyToAsync(stream, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> FromCurrent(IAsyncEnumerator<Dictionary<string, object?>> cells)
    {
        do
        {
            yield return cells.Current;
        }
        while (await cells.MoveNextAsync());
    }

    private static System.Data.DataTable HeaderOnly<T>(IReadOnlyList<ExportColumn<T>> columns)
    {
        var table = new System.Data.DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column.Header, typeof(string));
        }

        return table;
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> Cells<T>(
        IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            foreach (var column in columns)
            {
                cells[column.Header] = SpreadsheetCells.Neutralize(column.Value(row));
            }

            yield return cells;
        }
    }
}
