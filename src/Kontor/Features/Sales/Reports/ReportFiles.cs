using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Kontor.Features.Sales.Reports;

/// <summary>Writes a report table as CSV (UTF-8 with BOM) or XLSX; reports are small, so they are built in memory.</summary>
internal static class ReportFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> CsvAsync(ReportTable table, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            await csv.WriteRecordAsync([.. table.Columns], ct);
            foreach (var row in table.Rows)
            {
                await csv.WriteRecordAsync([.. row.Select(Cell)], ct);
            }

            await csv.FlushAsync(ct);
        }

        return stream.ToArray();
    }

    public static byte[] Xlsx(ReportTable table)
    {
        var rows = table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                cells[table.Columns[i]] = row[i] is string text ? Neutralize(text) : row[i];
            }

            return cells;
        }).ToList();
        using var stream = new MemoryStream();
        object sheet = rows.Count > 0 ? rows : new[] { table.Columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal) };
        stream.SaveAs(sheet, sheetName: "Report");
        return stream.ToArray();
    }

    public static string FileName(ReportTable table, string extension) =>
        $"sales-{table.Report.ToString().ToLowerInvariant()}.{extension}";

    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => Neutralize(text),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Text starting like a formula is prefixed with an apostrophe so spreadsheets do not run it (loss reasons are typed by people).</summary>
    private static string Neutralize(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
