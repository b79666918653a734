using System.Text;

namespace Kontor.Platform.Documents;

/// <summary>A block of a generated document.</summary>
public abstract record DocumentBlock;

/// <summary>A heading of level 1 (title) to 3.</summary>
public sealed record Heading(int Level, string Text) : DocumentBlock;

/// <summary>A paragraph of plain text.</summary>
public sealed record Paragraph(string Text) : DocumentBlock;

/// <summary>A table with a header row; every row has as many cells as there are headers.</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

/// <summary>
/// A document Kontor generates from its live configuration (the works agreement annex, the record of processing
/// activities): headings, paragraphs and tables, written out as Markdown or as an A4 PDF with the same content.
/// </summary>
public sealed record TextDocument(string Title, IReadOnlyList<DocumentBlock> Blocks)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    text.Append('#', heading.Level).Append(' ').AppendLine(Escape(heading.Text)).AppendLine();
                    break;
                case Paragraph paragraph:
                    text.AppendLine(Escape(paragraph.Text)).AppendLine();
                    break;
                case Table table:
                    text.AppendLine("| " + string.Join(" | ", table.Headers.Select(Cell)) + " |");
                    text.AppendLine("|" + string.Concat(table.Headers.Select(_ => "---|")));
                    foreach (var row in table.Rows)
                    {
                        text.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
                    }

                    text.AppendLine();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown block {block.GetType().Name}.");
            }
        }

        return text.ToString();
    }

    /// <summary>Text from the configuration is printed as written, never interpreted as Markdown.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Cell(string text) => Escape(text.ReplaceLineEndings(" "));
}
