using System.Net;
using System.Text;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales.Quotes;

public sealed class QuotePdfTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Theory]
    [InlineData("de", "Angebot", "303,73 EUR", "USt-IdNr.")]
    [InlineData("en", "Quote", "303.73 EUR", "VAT ID")]
    public async Task Pdf_InTheRequestedLanguage_HasLetterheadNumberAndTotals(string language, string title, string total, string vatLabel)
    {
        var world = await app.CreateQuoteWorldAsync();
        await world.Admin.Client.SendRawAsync(HttpMethod.Put, "/api/quote-settings",
            """{"approvalThresholdPercent":10,"validityDays":30,"companyName":"Kontor Demo GmbH","street":"Am Markt 5","postalCode":"50667","city":"Köln","country":"DE","vatId":"DE123456789","iban":"DE02120300000000202051","bankName":"Demo Bank","footerText":"Geschäftsführer: Erika Muster"}""")
            .ExpectAsync(HttpStatusCode.OK);
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));

        var response = await world.Rep.Client.FetchAsync($"/api/quotes/{quote.Id()}/pdf?language={language}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Api.Ct);
        var text = Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        Assert.Contains(quote.Str("number"), text, StringComparison.Ordinal);
        Assert.Contains($"{title} {quote.Str("number")}", text, StringComparison.Ordinal);
        Assert.Contains(total, text, StringComparison.Ordinal);
        Assert.Contains("Kontor Demo GmbH", text, StringComparison.Ordinal);
        Assert.Contains("DE123456789", text, StringComparison.Ordinal);
        Assert.Contains(vatLabel, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_UnknownLanguage_Returns400()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));

        await world.Rep.Client.FetchAsync($"/api/quotes/{quote.Id()}/pdf?language=fr").ProblemAsync(HttpStatusCode.BadRequest, "language");
    }
}
