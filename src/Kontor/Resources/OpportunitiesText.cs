namespace Kontor.Resources;

/// <summary>Texts of pipelines and opportunities: the admin page, the list, the board, the detail page and the form.</summary>
public sealed class OpportunitiesText;
