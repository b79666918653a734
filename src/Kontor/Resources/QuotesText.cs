namespace Kontor.Resources;

/// <summary>Texts of products, price lists, quotes (pages and PDF), orders and the quote settings.</summary>
public sealed class QuotesText;
