using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kontor.Platform.Documents;

/// <summary>Renders a <see cref="TextDocument"/> as an A4 PDF: wrapped paragraphs, tables with wrapped cells, page breaks and page numbers.</summary>
public static class TextDocumentPdf
{
    private const double Margin = 50;
    private const double CellPadding = 3;

    public static byte[] Render(TextDocument document, string footer)
    {
        PdfFonts.Ensure();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Kontor";

        // Uncompressed content with WinAnsi text keeps the words searchable and checkable by plain tools.
        pdf.Options.CompressContentStreams = false;
        var writer = new Writer(pdf, footer);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    writer.Heading(heading);
                    break;
                case Paragraph paragraph:
                    writer.Paragraph(paragraph.Text);
                    break;
                case Table table:
                    writer.Table(table);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown block {block.GetType().Name}.");
            }
        }

        writer.Finish();
        using var stream = new MemoryStream();
        pdf.Save(stream);
        return stream.ToArray();
    }

    private sealed class Writer(PdfDocument pdf, string footer)
    {
        private static readonly XPdfFontOptions Options = new(PdfFontEncoding.WinAnsi);
        private readonly XFont regular = new(PdfFonts.Family, 9, XFontStyleEx.Regular, Options);
        private readonly XFont bold = new(PdfFonts.Family, 9, XFontStyleEx.Bold, Options);
        private readonly XFont small = new(PdfFonts.Family, 7.5, XFontStyleEx.Regular, Options);
        private readonly List<PdfPage> pages = [];
        private XGraphics? gfx;
        private double y;

        // A4 in points.
        private const double PageWidth = 595.28;
        private const double PageHeight = 841.89;
        private const double Width = PageWidth - (2 * Margin);
        private const double Bottom = PageHeight - Margin - 20;

        public void Heading(Heading heading)
        {
            var font = new XFont(PdfFonts.Family, heading.Level switch { 1 => 16, 2 => 12.5, _ => 10.5 }, XFontStyleEx.Bold, Options);
            var lines = Wrap(heading.Text, font, Width);
            Ensure((lines.Count * font.Height) + 24);
            y += heading.Level == 1 ? 0 : 8;
            foreach (var line in lines)
            {
                gfx!.DrawString(line, font, XBrushes.Black, Margin, y + font.Height);
                y += font.Height;
            }

            y += 6;
        }

        public void Paragraph(string text)
        {
            foreach (var line in Wrap(text, regular, Width))
            {
                Ensure(regular.Height);
                gfx!.DrawString(line, regular, XBrushes.Black, Margin, y + regular.Height);
                y += regular.Height;
            }

            y += 6;
        }

        public void Table(Table table)
        {
            var widths = ColumnWidths(table);
            Ensure(RowHeight(table.Headers, widths, bold) + RowHeight(table.Rows.FirstOrDefault() ?? [], widths, regular));
            Row(table.Headers, widths, bold, shaded: true);
            foreach (var row in table.Rows)
            {
                if (Ensure(RowHeight(row, widths, regular)))
                {
                    // A new page repeats the header row, so every page can be read on its own.
                    Row(table.Headers, widths, bold, shaded: true);
                }

                Row(row, widths, regular, shaded: false);
            }

            y += 8;
        }

        public void Finish()
        {
            Ensure(0);
            gfx!.Dispose();
            gfx = null;
            for (var i = 0; i < pages.Count; i++)
            {
                using var page = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
                var text = $"{footer} · {i + 1}/{pages.Count}";
                page.DrawString(text, small, XBrushes.Gray, Margin, pages[i].Height.Point - Margin + 10);
            }
        }

        private void Row(IReadOnlyList<string> cells, double[] widths, XFont font, bool shaded)
        {
            var height = RowHeight(cells, widths, font);
            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                var rect = new XRect(x, y, widths[i], height);
                if (shaded)
                {
                    gfx!.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 238, 242)), rect);
                }

                gfx!.DrawRectangle(new XPen(XColors.LightGray, 0.5), rect);
                var lineY = y + CellPadding;
                foreach (var line in Wrap(i < cells.Count ? cells[i] : "", font, widths[i] - (2 * CellPadding)))
                {
                    gfx.DrawString(line, font, XBrushes.Black, x + CellPadding, lineY + font.Height - 2);
                    lineY += font.Height;
                }

                x += widths[i];
            }

            y += height;
        }

        private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
            (widths.Select((w, i) => Wrap(i < cells.Count ? cells[i] : "", font, w - (2 * CellPadding)).Count).Max() * font.Height) + (2 * CellPadding);

        /// <summary>Columns share the width by the length of their longest word and text, so short columns stay narrow.</summary>
        private double[] ColumnWidths(Table table)
        {
            var weights = table.Headers.Select((h, i) =>
                Math.Max(h.Length, table.Rows.Select(r => i < r.Count ? Math.Min(r[i].Length, 60) : 0).DefaultIfEmpty(0).Max()) + 4.0).ToArray();
            var total = weights.Sum();
            return [.. weights.Select(w => Width * w / total)];
        }

        /// <summary>Starts a new page (the first one too) when <paramref name="height"/> does not fit; true when it did.</summary>
        private bool Ensure(double height)
        {
            if (gfx is not null && y + height <= Bottom)
            {
                return false;
            }

            gfx?.Dispose();
            var page = pdf.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            pages.Add(page);
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
            return true;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var measure = gfx ?? XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
            var lines = new List<string>();
            foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' '))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (line.Length > 0 && measure.MeasureString(candidate, font).Width > width)
                    {
                        lines.Add(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                lines.Add(line);
            }

            return lines;
        }
    }
}
