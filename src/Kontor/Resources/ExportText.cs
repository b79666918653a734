namespace Kontor.Resources;

/// <summary>Texts of exporting lists to CSV and Excel.</summary>
public sealed class ExportText;
