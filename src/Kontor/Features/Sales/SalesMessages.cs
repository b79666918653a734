using Kontor.Resources;

namespace Kontor.Features.Sales;

/// <summary>
/// Refusals (409) and other messages of the quote, order, target and upsell-signal slices in the caller's language,
/// for the API and the pages alike, as <see cref="Opportunities.OpportunityMessages"/> does for opportunities. The key
/// is the English text; German texts live in <c>Resources/QuotesText.de.resx</c> and <c>Resources/ForecastsText.de.resx</c>.
/// </summary>
internal static class SalesMessages
{
    /// <summary>A message of quotes and orders (<c>QuotesText</c>).</summary>
    public static string Quote(string english, params object[] arguments) => ResourceTexts<QuotesText>.Format(english, arguments);

    /// <summary>A message of forecasts, targets and upsell signals (<c>ForecastsText</c>).</summary>
    public static string Forecast(string english, params object[] arguments) => ResourceTexts<ForecastsText>.Format(english, arguments);
}
