namespace Kontor.Resources;

/// <summary>Texts of the products of opportunities: the products section, the form's hint and the messages of the product endpoints.</summary>
public sealed class OpportunityProductsText;
