using System.Text;
using Kontor.Features.Integration.ImportExport.Imports;

namespace Kontor.Tests.Features.Integration.ImportExport;

/// <summary>Reading files without the app: encoding and delimiter detection, rows and their numbers.</summary>
public sealed class ImportFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kontor-import-file-").FullName;

    [Fact]
    public void DetectEncoding_Windows1252ByteFarBehindTheFirstChunk_IsWindows1252()
    {
        var ascii = string.Concat(Enumerable.Repeat("Firma;Ort\r\nPlain GmbH;Bonn\r\n", 8000));
        var path = Write([.. Encoding.ASCII.GetBytes(ascii), .. ImportApi.Windows1252.GetBytes("Groß GmbH;Köln\r\n")]);

        Assert.Equal(ImportFile.Windows1252, ImportFile.DetectEncoding(path));
        Assert.Equal("Köln", ImportFile.Rows(path, ImportFile.Inspect(path)).Last().Cells[1]);
    }

    [Fact]
    public void DetectEncoding_Utf8CharacterSplitAcrossReadChunks_IsUtf8()
    {
        // "ü" is two bytes in UTF-8; place its first byte as the last byte of the first 64 KiB read.
        var prefix = new string('a', (64 * 1024) - 1);
        var path = Write(new UTF8Encoding(false).GetBytes($"Firma\n{prefix}ü\n"));

        Assert.Equal(ImportFile.Utf8, ImportFile.DetectEncoding(path));
    }

    [Theory]
    [InlineData("Firma;Ort\n\"Meier, Müller & Co\";Bonn\n\"A, B, C\";Köln\n", ";")]
    [InlineData("Company,Notes\nAcme,\"a; b; c; d\"\nGlobex,\"x;y\"\n", ",")]
    [InlineData("Company\tCity\tNotes\nAcme\tBonn\t\"a, b\"\n", "\t")]
    [InlineData("Firma\nEinzelspalte GmbH\n", ";")]
    public void DetectDelimiter_CountsOnlyOutsideQuotes(string text, string expected)
    {
        var path = Write(new UTF8Encoding(false).GetBytes(text));

        Assert.Equal(expected, ImportFile.DetectDelimiter(path, ImportFile.Utf8));
    }

    [Fact]
    public void Rows_WithQuotedLineBreaksAndBlankLines_NumbersRowsAsASpreadsheetDoes()
    {
        var path = Write(new UTF8Encoding(false).GetBytes("Firma;Notiz\r\nA;\"eins\r\nzwei\"\r\n\r\nB;\r\nC\r\n"));
        var shape = ImportFile.Inspect(path);

        var rows = ImportFile.Rows(path, shape).ToList();

        Assert.Equal(["Firma", "Notiz"], shape.Headers);
        Assert.Equal([2L, 3L, 4L], rows.Select(r => r.Number));
        Assert.Equal("eins\r\nzwei", rows[0].Cells[1]);
        Assert.Equal(["C", ""], rows[2].Cells);
        Assert.Equal(3, ImportFile.Count(path, shape));
        Assert.Equal([4L], ImportFile.Rows(path, shape, skip: 2).Select(r => r.Number));
    }

    [Fact]
    public void Rows_WithStrayQuote_FlagsThatRowOnly()
    {
        var path = Write(new UTF8Encoding(false).GetBytes("Firma;Ort\nGood;Bonn\nBad \"Quote;Köln\nAlso good;Ulm\n"));

        var rows = ImportFile.Rows(path, ImportFile.Inspect(path)).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal([false, true, false], rows.Select(r => r.Problem is not null));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(byte[] content)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        return path;
    }
}
