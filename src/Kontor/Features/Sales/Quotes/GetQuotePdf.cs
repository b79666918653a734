using System.Globalization;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Features.Sales.Quotes;

internal static class GetQuotePdf
{
    public static void Map(RouteGroupBuilder group, IEndpointRouteBuilder app)
    {
        group.MapGet("/{id:guid}/pdf", Handle)
            .WithName(nameof(GetQuotePdf))
            .WithSummary("Download a quote as PDF")
            .WithDescription("language=de or en; the caller's language when left out. Printed with the tenant's letterhead (quote settings).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesValidationProblem();

        // The same download for the signed-in web UI, which authenticates with the session cookie.
        app.MapGet("/quotes/{id:guid}/pdf", Handle).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Handle(
        Guid id, string? language, KontorDb db, CurrentUser user, IStringLocalizer<QuotesText> text, CancellationToken ct) =>
        await ExecuteAsync(id, language, db, user, text, ct) is { } pdf
            ? TypedResults.File(pdf.Content, "application/pdf", pdf.FileName)
            : TypedResults.NotFound();

    /// <summary>The PDF and its file name, or null when the quote is not visible.</summary>
    public static async Task<(byte[] Content, string FileName)?> ExecuteAsync(
        Guid id, string? language, KontorDb db, CurrentUser user, IStringLocalizer<QuotesText> text, CancellationToken ct)
    {
        var culture = CultureFor(language, user);
        var quote = await GetQuote.ExecuteAsync(id, db, ct);
        if (quote is null)
        {
            return null;
        }

        var letterhead = await QuoteSettings.LoadAsync(db, ct);
        var address = await db.Accounts.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecordAccess])
            .Where(a => a.Id == quote.AccountId).Select(a => a.BillingAddress).SingleOrDefaultAsync(ct);
        var pdf = QuotePdf.Render(quote, letterhead, address, culture, text);
        return (pdf, $"{quote.Number}.pdf");
    }

    private static CultureInfo CultureFor(string? language, CurrentUser user)
    {
        var own = CultureInfo.GetCultureInfo(KontorCultures.IsSupported(user.Culture) ? user.Culture : "en-GB");
        return language?.ToLowerInvariant() switch
        {
            null or "" => own,
            "de" => CultureInfo.GetCultureInfo(own.TwoLetterISOLanguageName == "de" ? own.Name : "de-DE"),
            "en" => CultureInfo.GetCultureInfo(own.TwoLetterISOLanguageName == "en" ? own.Name : "en-GB"),
            _ => throw RequestValidationException.For("language", "Use language=de or language=en."),
        };
    }
}
