using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Quotes;

internal static class QuoteEndpoints
{
    public static IEndpointRouteBuilder MapQuoteEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/quotes").WithTags("Quotes").RequireAuthorization(KontorAuth.ApiPolicy);
        ListQuotes.Map(group);
        GetQuote.Map(group);
        CreateQuote.Map(group);
        UpdateQuote.Map(group);
        RequestQuoteApproval.Map(group);
        DecideQuoteApproval.Map(group);
        SendQuote.Map(group);
        AnswerQuote.Map(group);
        CreateQuoteVersion.Map(group);
        GetQuotePdf.Map(group, app);
        var settings = app.MapGroup("/api/quote-settings").WithTags("Quote settings").RequireAuthorization(KontorAuth.ApiPolicy);
        QuoteSettingsEndpoints.Map(settings);
        return app;
    }
}
