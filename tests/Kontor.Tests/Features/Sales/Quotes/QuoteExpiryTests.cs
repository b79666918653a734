using System.Net;
using Kontor.Tests.Infrastructure;

namespace Kontor.Tests.Features.Sales.Quotes;

public sealed class QuoteExpiryTests(FakeClockAppFactory app) : IClassFixture<FakeClockAppFactory>
{
    [Fact]
    public async Task SentQuote_PastItsValidity_IsExpiredOnReadAndCannotBeAccepted()
    {
        var world = await app.CreateQuoteWorldAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var body = new { opportunityId = world.OpportunityId, validUntil = today.AddDays(1), lines = new[] { new { productId = world.Widget, quantity = 1m } } };
        var quote = await world.Rep.CreateQuoteAsync(body);
        await world.Rep.ActAsync(quote.Id(), "send").ExpectAsync(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(3));
        var client = await app.SignInAsync(world.Rep.Email);

        var read = await client.GetJsonAsync($"/api/quotes/{quote.Id()}");
        Assert.Equal("Expired", read.Str("status"));
        await client.PostJsonAsync($"/api/quotes/{quote.Id()}/accept", new { }).ProblemAsync(HttpStatusCode.Conflict);
        var renewed = await client.PostJsonAsync($"/api/quotes/{quote.Id()}/versions", new { }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Draft", renewed.Str("status"));
    }

    [Fact]
    public async Task Create_ValidUntilBeforeToday_Returns400()
    {
        var world = await app.CreateQuoteWorldAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        await world.Rep.Client.PostJsonAsync("/api/quotes", new { opportunityId = world.OpportunityId, validUntil = today.AddDays(-1), lines = Array.Empty<object>() })
            .ProblemAsync(HttpStatusCode.BadRequest, "validUntil");
    }
}
