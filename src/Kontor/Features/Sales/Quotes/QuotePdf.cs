using System.Globalization;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Documents;
using Kontor.Resources;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kontor.Features.Sales.Quotes;

/// <summary>
/// Renders a quote as an A4 PDF with PDFsharp in German or English: the tenant's letterhead, the customer's address,
/// the lines, the tax breakdown and totals, and a footer with VAT id and bank details.
/// </summary>
internal static class QuotePdf
{
    private const string FontFamily = PdfFonts.Family;

    public static byte[] Render(QuoteResponse quote, QuoteSettings letterhead, PostalAddress? customerAddress, CultureInfo culture, IStringLocalizer<QuotesText> text)
    {
        PdfFonts.Ensure();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return Draw(quote, letterhead, customerAddress, culture, text);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static byte[] Draw(QuoteResponse quote, QuoteSettings letterhead, PostalAddress? address, CultureInfo culture, IStringLocalizer<QuotesText> text)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{text["Quote"]} {quote.Number}";
        document.Info.Subject = quote.AccountName ?? "";
        document.Info.Creator = "Kontor";

        // Uncompressed content with WinAnsi text keeps the PDF's words searchable and checkable by plain tools.
        document.Options.CompressContentStreams = false;
        var options = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        var regular = new XFont(FontFamily, 9, XFontStyleEx.Regular, options);
        var bold = new XFont(FontFamily, 9, XFontStyleEx.Bold, options);
        var title = new XFont(FontFamily, 16, XFontStyleEx.Bold, options);
        var small = new XFont(FontFamily, 7.5, XFontStyleEx.Regular, options);

        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var gfx = XGraphics.FromPdfPage(page);
        const double left = 50;
        var right = page.Width.Point - 50;
        double y = 50;

        // Letterhead.
        gfx.DrawString(letterhead.CompanyName ?? "", new XFont(FontFamily, 13, XFontStyleEx.Bold, options), XBrushes.Black, left, y);
        y += 14;
        var companyLine = string.Join(" · ", new[] { letterhead.Street, Join(letterhead.PostalCode, letterhead.City), letterhead.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
        gfx.DrawString(companyLine, small, XBrushes.Gray, left, y);
        y += 30;

        // Customer address on the left, quote data on the right.
        var top = y;
        foreach (var line in new[] { quote.AccountName, address?.Street, Join(address?.PostalCode, address?.City), address?.Country }.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            gfx.DrawString(line!, regular, XBrushes.Black, left, y);
            y += 12;
        }

        var infoX = right - 180;
        var infoY = top;
        foreach (var (label, value) in new[]
                 {
                     (text["Quote number"].Value, quote.Number),
                     (text["Date"].Value, quote.QuoteDate.ToString("d", culture)),
                     (text["Valid until"].Value, quote.ValidUntil.ToString("d", culture)),
                     (text["Currency"].Value, quote.Currency),
                 })
        {
            gfx.DrawString(label, regular, XBrushes.Gray, infoX, infoY);
            gfx.DrawString(value, regular, XBrushes.Black, new XRect(infoX, infoY - 9, 180, 12), XStringFormats.TopRight);
            infoY += 12;
        }

        y = Math.Max(y, infoY) + 25;
        gfx.DrawString($"{text["Quote"]} {quote.Number}", title, XBrushes.Black, left, y);
        y += 22;

        // Lines.
        double[] columns = [left, left + 28, left + 250, left + 300, left + 375, left + 430];
        string[] headers = [text["Pos."], text["Description"], text["Quantity"], text["Unit price"], text["Discount"], text["Amount"]];
        for (var i = 0; i < headers.Length; i++)
        {
            DrawCell(gfx, headers[i], bold, columns, i, right, y);
        }

        y += 4;
        gfx.DrawLine(XPens.Gray, left, y, right, y);
        y += 12;
        foreach (var line in quote.Lines)
        {
            if (y > page.Height.Point - 200)
            {
                page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                gfx.Dispose();
                gfx = XGraphics.FromPdfPage(page);
                y = 60;
            }

            string[] cells =
            [
                line.Position.ToString(culture),
                Truncate($"{line.ProductCode} {line.Description}", 60),
                $"{Money.Number(line.Quantity, culture)} {line.Unit}",
                Money.Format(line.UnitPrice, quote.Currency, culture),
                line.LineDiscount == 0 ? "" : Money.Format(-line.LineDiscount, quote.Currency, culture),
                Money.Format(line.NetAmount, quote.Currency, culture),
            ];
            for (var i = 0; i < cells.Length; i++)
            {
                DrawCell(gfx, cells[i], regular, columns, i, right, y);
            }

            y += 12;
            gfx.DrawString($"{text["VAT"]} {Money.Number(line.TaxRatePercent, culture)} %", small, XBrushes.Gray, columns[1], y - 2);
            y += 9;
        }

        gfx.DrawLine(XPens.Gray, left, y, right, y);
        y += 14;

        // Totals.
        void Total(string label, long amount, XFont font)
        {
            gfx.DrawString(label, font, XBrushes.Black, right - 260, y);
            gfx.DrawString(Money.Format(amount, quote.Currency, culture), font, XBrushes.Black, new XRect(right - 120, y - 9, 120, 12), XStringFormats.TopRight);
            y += 13;
        }

        Total(text["Subtotal"], quote.Subtotal, regular);
        if (quote.QuoteDiscount != 0)
        {
            Total(text["Quote discount"], -quote.QuoteDiscount, regular);
            Total(text["Net total"], quote.NetTotal, regular);
        }

        foreach (var tax in quote.Taxes)
        {
            Total(string.Format(culture, text["VAT {0} % on {1}"], Money.Number(tax.RatePercent, culture), Money.Format(tax.TaxableAmount, quote.Currency, culture)), tax.TaxAmount, regular);
        }

        Total(text["Total"], quote.GrossTotal, bold);
        y += 10;
        if (!string.IsNullOrWhiteSpace(quote.Notes))
        {
            foreach (var note in quote.Notes.Split('\n'))
            {
                gfx.DrawString(Truncate(note.TrimEnd('\r'), 110), regular, XBrushes.Black, left, y);
                y += 12;
            }
        }

        // Footer.
        var footerY = page.Height.Point - 60;
        gfx.DrawLine(XPens.LightGray, left, footerY - 10, right, footerY - 10);
        string[] footer =
        [
            string.Join(" · ", new[] { letterhead.CompanyName, Labelled(text["VAT ID"], letterhead.VatId), Labelled(text["Phone"], letterhead.Phone), letterhead.Email }.Where(s => !string.IsNullOrWhiteSpace(s))),
            string.Join(" · ", new[] { letterhead.BankName, Labelled("IBAN", letterhead.Iban), Labelled("BIC", letterhead.Bic) }.Where(s => !string.IsNullOrWhiteSpace(s))),
            letterhead.FooterText ?? "",
        ];
        foreach (var line in footer.Where(l => l.Length > 0))
        {
            gfx.DrawString(Truncate(line, 140), small, XBrushes.Gray, left, footerY);
            footerY += 10;
        }

        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static void DrawCell(XGraphics gfx, string value, XFont font, double[] columns, int index, double right, double y)
    {
        // Number columns (quantity and after) are right-aligned at the next column's start.
        if (index < 2)
        {
            gfx.DrawString(value, font, XBrushes.Black, columns[index], y);
            return;
        }

        var end = index + 1 < columns.Length ? columns[index + 1] - 6 : right;
        gfx.DrawString(value, font, XBrushes.Black, new XRect(columns[index], y - 9, end - columns[index], 12), XStringFormats.TopRight);
    }

    private static string Join(string? postalCode, string? city) => string.Join(" ", new[] { postalCode, city }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string? Labelled(string label, string? value) => string.IsNullOrWhiteSpace(value) ? null : $"{label} {value}";

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
