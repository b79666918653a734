namespace Kontor.Features.Integration.ImportExport.Exports;

/// <summary>Makes exported text safe to open in a spreadsheet program.</summary>
public static class SpreadsheetCells
{
    /// <summary>
    /// Neutralises formula injection (OWASP "CSV injection"): a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return gets a leading <c>'</c>, so Excel and LibreOffice show it as text instead
    /// of running it. Phone numbers in E.164 (<c>+49…</c>) get the apostrophe too: the rule knows no exceptions.
    /// </summary>
    public static string? Neutralize(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
