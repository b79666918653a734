using System.Net;
using Kontor.Features.Sales;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Sales.Quotes;

public sealed class QuoteEndpointsTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task Create_WorkedExample1_StoresTheHandComputedTotalsAndLines()
    {
        var world = await app.CreateQuoteWorldAsync();

        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));

        Assert.Equal("Draft", quote.Str("status"));
        Assert.Equal("Q-00001", quote.Str("number"));
        Assert.Equal("DE", quote.Str("taxCountry"));
        Assert.Equal(26892, quote.Long("subtotal"));
        Assert.Equal(1345, quote.Long("quoteDiscount"));
        Assert.Equal(25547, quote.Long("netTotal"));
        Assert.Equal(4826, quote.Long("taxTotal"));
        Assert.Equal(30373, quote.Long("grossTotal"));
        var lines = quote.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([1999L, 8500L, 35L], lines.Select(l => l.Long("unitPrice")));
        Assert.Equal([974L, 3836L, 16L], lines.Select(l => l.Long("taxAmount")));
        Assert.Equal(["W-100", "S-200", "B-300"], lines.Select(l => l.Str("productCode")));
        Assert.False(quote.GetProperty("approvalRequired").GetBoolean());
    }

    [Fact]
    public async Task Update_Draft_RecalculatesAndReplacesTheLines()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));

        var updated = await world.Rep.Client.SendRawAsync(HttpMethod.Put, $"/api/quotes/{quote.Id()}",
                System.Text.Json.JsonSerializer.Serialize(new { lines = new[] { new { productId = world.Service, quantity = 1.5m, discountAmount = 500 } } }))
            .ExpectAsync(HttpStatusCode.OK);

        // 1.5 × 85.00 = 127.50 − 5.00 = 122.50; 19 % = 23.275 → 23.28; total 145.78.
        Assert.Equal(12250, updated.Long("netTotal"));
        Assert.Equal(2328, updated.Long("taxTotal"));
        Assert.Equal(14578, updated.Long("grossTotal"));
        Assert.Single(updated.GetProperty("lines").EnumerateArray());
        var stored = await app.InTenantAsync(world.Rep.TenantId, db => db.QuoteLines.CountAsync(l => l.QuoteId == quote.Id(), Api.Ct));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task Create_LineDiscountAboveTheLine_Returns400NamingTheField()
    {
        var world = await app.CreateQuoteWorldAsync();

        await world.Rep.Client.PostJsonAsync("/api/quotes", new { opportunityId = world.OpportunityId, lines = new[] { new { productId = world.Book, quantity = 1m, discountAmount = 36 } } })
            .ProblemAsync(HttpStatusCode.BadRequest, "lines[0].discountAmount");
    }

    [Fact]
    public async Task Create_AmountBeyondTheLimit_Returns400NotAnOverflow()
    {
        var world = await app.CreateQuoteWorldAsync();
        await world.Admin.SetPriceAsync(world.PriceListId, world.Widget, 999_999_999_999_999);

        var problem = await world.Rep.Client.PostJsonAsync("/api/quotes", new { opportunityId = world.OpportunityId, lines = new[] { new { productId = world.Widget, quantity = 1000m } } })
            .ProblemAsync(HttpStatusCode.BadRequest, "lines[0].unitPrice");
        Assert.Contains("too large", problem.ErrorOf("lines[0].unitPrice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutOpportunity_Returns400()
    {
        var world = await app.CreateQuoteWorldAsync();

        await world.Rep.Client.PostJsonAsync("/api/quotes", new { lines = Array.Empty<object>() }).ProblemAsync(HttpStatusCode.BadRequest, "opportunityId");
    }

    [Fact]
    public async Task Create_ProductWithoutPriceInTheCurrency_Returns400NamingTheLine()
    {
        var world = await app.CreateQuoteWorldAsync();
        var chfOpportunity = await app.CreateOpportunityAsync(world.Rep, world.AccountId, "CHF");

        var problem = await world.Rep.Client.PostJsonAsync("/api/quotes", new { opportunityId = chfOpportunity, lines = new[] { new { productId = world.Widget, quantity = 1m } } })
            .ProblemAsync(HttpStatusCode.BadRequest, "lines[0].productId");
        Assert.Contains("CHF", problem.ErrorOf("lines[0].productId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TenantTaxRate_OverridesTheBuiltInRate()
    {
        var world = await app.CreateQuoteWorldAsync();
        await world.Admin.Client.SendRawAsync(HttpMethod.Put, "/api/quote-settings/tax-rates",
            """[{"country":"DE","taxClass":"Standard","ratePercent":16}]""").ExpectAsync(HttpStatusCode.OK);

        var quote = await world.Rep.CreateQuoteAsync(new { opportunityId = world.OpportunityId, lines = new[] { new { productId = world.Widget, quantity = 1m } } });

        // 16 % of 19.99 = 3.1984 → 3.20.
        Assert.Equal(320, quote.Long("taxTotal"));
    }

    [Fact]
    public async Task Quote_OfAnInvisibleOpportunity_Is404AndNotListed()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));
        var stranger = await app.CreateUserAsync(world.Rep.TenantId, [Roles.SalesRep]);
        await app.SetSharingAsync(world.Rep.TenantId, SalesObjects.Opportunities, SharingLevel.Private);

        await stranger.Client.FetchAsync($"/api/quotes/{quote.Id()}").ProblemAsync(HttpStatusCode.NotFound);
        await stranger.Client.FetchAsync($"/api/quotes/{quote.Id()}/pdf").ProblemAsync(HttpStatusCode.NotFound);
        await stranger.ActAsync(quote.Id(), "send").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await stranger.Client.GetJsonAsync("/api/quotes")).Ids());
        Assert.Equal([quote.Id()], (await world.Manager.Client.GetJsonAsync("/api/quotes")).Ids());
        await stranger.Client.PostJsonAsync("/api/quotes", QuoteApi.Example1(world)).ProblemAsync(HttpStatusCode.BadRequest, "opportunityId");
    }

    [Fact]
    public async Task NewVersion_CopiesTheLinesAndMakesTheOldVersionReadOnly()
    {
        var world = await app.CreateQuoteWorldAsync();
        var first = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));
        await world.Rep.ActAsync(first.Id(), "send").ExpectAsync(HttpStatusCode.OK);

        var second = await world.Rep.ActAsync(first.Id(), "versions").ExpectAsync(HttpStatusCode.Created);

        Assert.Equal($"{first.Str("number")}-2", second.Str("number"));
        Assert.Equal("Draft", second.Str("status"));
        Assert.Equal(30373, second.Long("grossTotal"));
        Assert.Equal(3, second.GetProperty("lines").GetArrayLength());
        var old = await world.Rep.Client.GetJsonAsync($"/api/quotes/{first.Id()}");
        Assert.False(old.GetProperty("isCurrent").GetBoolean());
        await world.Rep.Client.SendRawAsync(HttpMethod.Put, $"/api/quotes/{first.Id()}", "{\"lines\":[]}").ProblemAsync(HttpStatusCode.Conflict);
        await world.Rep.ActAsync(first.Id(), "accept").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([second.Id()], (await world.Rep.Client.GetJsonAsync($"/api/quotes?opportunityId={world.OpportunityId}")).Ids());
    }

    [Fact]
    public async Task Send_ThenUpdate_Returns409()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));
        await world.Rep.ActAsync(quote.Id(), "send").ExpectAsync(HttpStatusCode.OK);

        await world.Rep.Client.SendRawAsync(HttpMethod.Put, $"/api/quotes/{quote.Id()}", "{\"lines\":[]}").ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reject_SentQuote_KeepsTheReason()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));
        await world.Rep.ActAsync(quote.Id(), "send").ExpectAsync(HttpStatusCode.OK);

        var rejected = await world.Rep.ActAsync(quote.Id(), "reject", new { comment = "Too expensive" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Rejected", rejected.Str("status"));
        Assert.Equal("Too expensive", rejected.Str("rejectionReason"));
    }
}
