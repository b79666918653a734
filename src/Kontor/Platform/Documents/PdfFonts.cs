using PdfSharp.Fonts;

namespace Kontor.Platform.Documents;

/// <summary>
/// The fonts every PDF of Kontor uses: the Segoe WP faces that ship inside the PDFsharp package, so PDFs look the
/// same on every server, with or without system fonts. Call <see cref="Ensure"/> before drawing.
/// </summary>
public static class PdfFonts
{
    public const string Family = "Segoe WP";

    private static readonly Lock Gate = new();

    public static void Ensure()
    {
        lock (Gate)
        {
            // PDFsharp 6.5 refuses to work until a licence is chosen; Kontor is open source and uses it under the AGPL (ADR 0021).
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver ??= new EmbeddedFontResolver();
        }
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "SegoeWP-Bold" : "SegoeWP", false, italic);

        public byte[]? GetFont(string faceName) =>
            faceName == "SegoeWP-Bold" ? PdfSharp.WPFonts.FontDataHelper.SegoeWPBold : PdfSharp.WPFonts.FontDataHelper.SegoeWP;
    }
}
