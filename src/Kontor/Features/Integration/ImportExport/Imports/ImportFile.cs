using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>How a file is read: its format, encoding, delimiter and header row.</summary>
public sealed record FileShape(ImportFormat Format, string Encoding, string Delimiter, IReadOnlyList<string> Headers);

/// <summary>One data row: its number as a spreadsheet shows it (header = 1), its cells and why it cannot be read, if so.</summary>
internal readonly record struct FileRow(long Number, string[] Cells, string? Problem);

/// <summary>The file is not a table Kontor can read (no header, too many columns, a cell too long).</summary>
internal sealed class UnreadableFileException(string message) : Exception(message);

/// <summary>
/// Reads CSV and XLSX files as a stream of rows, never the whole file at once. Finds the encoding of a CSV file
/// (a UTF-8 byte order mark, else UTF-8 when every byte sequence of the file is valid UTF-8, else Windows-1252, the
/// encoding German Excel writes) and its delimiter (<c>;</c>, <c>,</c> or tab, counted outside quotes on the
/// first lines).
/// </summary>
internal static class ImportFile
{
    public const string Utf8 = "utf-8";
    public const string Windows1252 = "windows-1252";

    /// <summary>Excel's own limit of characters in a cell.</summary>
    public const int MaxCellChars = 32_767;

    public const int MaxColumns = 500;

    /// <summary>The largest record read, so an unclosed quote cannot make the reader hold the rest of a large file.</summary>
    public const int MaxRecordBytes = 16 << 20;

    public static IReadOnlyList<string> Delimiters { get; } = [";", ",", "\t"];

    private const int SampleLines = 20;

    static ImportFile() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding EncodingOf(string name) => name == Windows1252
        ? System.Text.Encoding.GetEncoding(1252)
        : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Finds format, encoding, delimiter and header; <paramref name="encoding"/> and <paramref name="delimiter"/> override detection.</summary>
    public static FileShape Inspect(string path, string? encoding = null, string? delimiter = null)
    {
        if (IsXlsx(path))
        {
            var headers = ReadXlsx(path).FirstOrDefault()?.Select(h => h ?? "").ToArray();
            return new FileShape(ImportFormat.Xlsx, Utf8, "", CheckHeaders(headers));
        }

        encoding ??= DetectEncoding(path);
        delimiter ??= DetectDelimiter(path, encoding);
        using var reader = Open(path, encoding, delimiter, _ => { });
        return new FileShape(ImportFormat.Csv, encoding, delimiter, CheckHeaders(reader.Read() ? Cells(reader) : null));
    }

    /// <summary>The data rows after the header, from row <paramref name="skip"/> + 1 on.</summary>
    public static IEnumerable<FileRow> Rows(string path, FileShape shape, long skip = 0)
    {
        var width = shape.Headers.Count;
        long index = 0;
        if (shape.Format == ImportFormat.Xlsx)
        {
            foreach (var cells in ReadXlsx(path).Skip(1))
            {
                index++;
                if (index > skip)
                {
                    yield return new FileRow(index + 1, Fit(cells, width), null);
                }
            }

            yield break;
        }

        long malformed = 0;
        using var reader = Open(path, shape.Encoding, shape.Delimiter, record => malformed = record);
        if (!reader.Read())
        {
            yield break;
        }

        while (true)
        {
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (CsvFormatException)
            {
                throw new UnreadableFileException(string.Format(CultureInfo.InvariantCulture, "Row {0} cannot be read: it is longer than {1} MB or its quotes never close.", index + 2, MaxRecordBytes >> 20));
            }

            if (!more)
            {
                yield break;
            }

            index++;
            if (index > skip)
            {
                var cells = Cells(reader);
                var problem = malformed == index + 1 ? "The row has a quote in the wrong place."
                    : cells.Any(c => c.Length > MaxCellChars) ? "The row has a cell longer than 32,767 characters."
                    : null;
                yield return new FileRow(index + 1, Fit(cells, width), problem);
            }
        }
    }

    /// <summary>Counts the data rows; also proves the whole file can be read before anything is imported.</summary>
    public static long Count(string path, FileShape shape) => Rows(path, shape).LongCount();

    /// <summary>UTF-8 when the file starts with its byte order mark or is valid UTF-8 throughout, else Windows-1252.</summary>
    public static string DetectEncoding(string path)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var first = true;
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            var offset = 0;
            if (first)
            {
                first = false;
                if (read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    return Utf8;
                }
            }

            try
            {
                // flush: false keeps a multi-byte sequence split across two reads for the next call.
                decoder.GetCharCount(buffer, offset, read, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return Windows1252;
            }
        }

        try
        {
            decoder.GetCharCount([], 0, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252;
        }

        return Utf8;
    }

    /// <summary>
    /// The candidate that splits the first lines into the same number of cells (more than one) on every line,
    /// counted outside quotes; the most cells wins, <c>;</c> before <c>,</c> before tab on a tie. <c>;</c> when
    /// nothing splits (a file of one column).
    /// </summary>
    public static string DetectDelimiter(string path, string encoding)
    {
        using var reader = OpenText(path, encoding);
        var counts = Delimiters.ToDictionary(d => d[0], _ => new List<int>());
        var current = Delimiters.ToDictionary(d => d[0], _ => 0);
        var quoted = false;
        var lines = 0;
        var chars = 0;
        int c;
        while (lines < SampleLines && chars < 256 * 1024 && (c = reader.Read()) >= 0)
        {
            chars++;
            var ch = (char)c;
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && current.ContainsKey(ch))
            {
                current[ch]++;
            }
            else if (!quoted && ch == '\n')
            {
                EndLine();
            }
        }

        if (current.Values.Any(v => v > 0))
        {
            EndLine();
        }

        var best = Delimiters
            .Select(d => (Delimiter: d, Counts: counts[d[0]]))
            .Where(x => x.Counts.Count > 0 && x.Counts.All(n => n > 0 && n == x.Counts[0]))
            .OrderByDescending(x => x.Counts[0])
            .FirstOrDefault();
        return best.Delimiter ?? Delimiters
            .OrderByDescending(d => counts[d[0]].Count > 0 ? counts[d[0]][0] : 0)
            .First();

        void EndLine()
        {
            lines++;
            foreach (var key in current.Keys.ToList())
            {
                counts[key].Add(current[key]);
                current[key] = 0;
            }
        }
    }

    /// <summary>True for an XLSX (zip) file, whatever its name.</summary>
    public static bool IsXlsx(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static List<string> CheckHeaders(string?[]? headers)
    {
        if (headers is null || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new UnreadableFileException("The file has no header row: the first row must name the columns.");
        }

        if (headers.Length > MaxColumns)
        {
            throw new UnreadableFileException(string.Format(CultureInfo.InvariantCulture, "The file has {0} columns; at most {1} can be imported.", headers.Length, MaxColumns));
        }

        return [.. headers.Select(h => (h ?? "").Trim())];
    }

    private static string[] Fit(IReadOnlyList<string?> cells, int width)
    {
        var row = new string[width];
        for (var i = 0; i < width; i++)
        {
            row[i] = i < cells.Count ? cells[i] ?? "" : "";
        }

        return row;
    }

    private static StreamReader OpenText(string path, string encoding) =>
        new(path, EncodingOf(encoding), detectEncodingFromByteOrderMarks: encoding == Utf8, new FileStreamOptions { BufferSize = 64 * 1024 });

    /// <summary>A reader of the file's records without header handling (the header is the first record); malformed quotes are recovered and reported by record number.</summary>
    private static CsvReader Open(string path, string encoding, string delimiter, Action<long> onMalformed) =>
        CsvReader.Create(
            File.OpenRead(path),
            new CsvReaderOptions
            {
                Separator = delimiter[0],
                HasHeader = false,
                Encoding = EncodingOf(encoding),
                SkipEmptyLines = true,
                MaxRecordSize = MaxRecordBytes,
                OnMalformedRecord = record => onMalformed(record.RecordNumber),
            },
            leaveOpen: false);

    private static string[] Cells(CsvReader reader)
    {
        var cells = new string[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = reader.GetString(i) ?? "";
        }

        return cells;
    }

    /// <summary>The rows of the first sheet as text; rows with no value at all are left out, as blank CSV lines are.</summary>
    private static IEnumerable<string?[]> ReadXlsx(string path)
    {
        using var stream = File.OpenRead(path);
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            var cells = row.Values.Select(Text).ToArray();
            var last = Array.FindLastIndex(cells, c => !string.IsNullOrEmpty(c));
            if (last < 0)
            {
                continue;
            }

            if (cells.Length > MaxColumns)
            {
                cells = cells[..MaxColumns];
            }

            yield return cells;
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
