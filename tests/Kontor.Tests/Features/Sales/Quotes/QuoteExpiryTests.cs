using System.Net;
using Kontor.Features.Sales.Quotes;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task ReadWhileTheNightlyJobExpiresTheQuote_ReturnsTheExpiredQuote()
    {
        var world = await app.CreateQuoteWorldAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var quote = await world.Rep.CreateQuoteAsync(new { opportunityId = world.OpportunityId, validUntil = today, lines = new[] { new { productId = world.Widget, quantity = 1m } } });
        app.Clock.Advance(TimeSpan.FromDays(2));

        var read = await app.InTenantAsync(world.Rep.TenantId, async db =>
        {
            // The reader has the quote loaded when the nightly job expires it in its own transaction; the reader's
            // context still holds the open quote, so its own expiry conflicts with the job's.
            Assert.NotNull(await QuoteAccess.ForChangeAsync(quote.Id(), db, Api.Ct));
            await app.WithServicesAsync(services => services.GetRequiredService<QuoteExpiry>().RunAsync(Api.Ct));
            return await QuoteAccess.ForChangeExpiredIfDueAsync(quote.Id(), db, Api.Ct);
        });

        Assert.Equal(QuoteStatus.Expired, read!.Status);
    }

    [Fact]
    public async Task NightlyJob_ExpiresDueOpenQuotesOnly()
    {
        var world = await app.CreateQuoteWorldAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var line = new[] { new { productId = world.Widget, quantity = 1m } };
        var due = await world.Rep.CreateQuoteAsync(new { opportunityId = world.OpportunityId, validUntil = today, lines = line });
        var later = await world.Rep.CreateQuoteAsync(new { opportunityId = world.OpportunityId, validUntil = today.AddDays(30), lines = line });
        var accepted = await world.Rep.CreateQuoteAsync(new { opportunityId = world.OpportunityId, validUntil = today, lines = line });
        await world.Rep.ActAsync(accepted.Id(), "send").ExpectAsync(HttpStatusCode.OK);
        await world.Rep.ActAsync(accepted.Id(), "accept").ExpectAsync(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(2));
        // The scheduled run may fire on the moved clock as well; either run leaves the same statuses.
        await app.WithServicesAsync(services => services.GetRequiredService<QuoteExpiry>().RunAsync(Api.Ct));

        var statuses = await app.InTenantAsync(world.Rep.TenantId, db => db.Quotes.ToDictionaryAsync(q => q.Id, q => q.Status, Api.Ct));
        Assert.Equal(QuoteStatus.Expired, statuses[due.Id()]);
        Assert.Equal(QuoteStatus.Draft, statuses[later.Id()]);
        Assert.Equal(QuoteStatus.Accepted, statuses[accepted.Id()]);
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
