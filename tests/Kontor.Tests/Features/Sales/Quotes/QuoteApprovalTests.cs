using System.Net;
using Kontor.Platform.Audit;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Sales.Quotes;

public sealed class QuoteApprovalTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    [Fact]
    public async Task DiscountAboveThreshold_MustBeApprovedByTheOwnersManagerBeforeSending()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world, widgetDiscount: 15m));
        Assert.True(quote.GetProperty("approvalRequired").GetBoolean());
        Assert.Equal(15m, quote.GetProperty("maxDiscountPercent").GetDecimal());

        await world.Rep.ActAsync(quote.Id(), "send").ProblemAsync(HttpStatusCode.Conflict);
        var requested = await world.Rep.ActAsync(quote.Id(), "request-approval").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("InApproval", requested.Str("status"));
        Assert.Equal(world.Manager.Id, requested.GetProperty("approverId").GetGuid());
        Assert.Equal([quote.Id()], (await world.Manager.Client.GetJsonAsync("/api/quotes?awaitingMyApproval=true")).Ids());

        await world.Rep.ActAsync(quote.Id(), "approve").ProblemAsync(HttpStatusCode.Forbidden);
        await world.Admin.ActAsync(quote.Id(), "approve").ProblemAsync(HttpStatusCode.Forbidden);
        var approved = await world.Manager.ActAsync(quote.Id(), "approve", new { comment = "Strategic customer" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.Str("status"));
        Assert.Equal("Strategic customer", approved.Str("approvalComment"));
        Assert.Equal(world.Manager.Id, approved.GetProperty("approvalDecidedBy").GetGuid());

        var sent = await world.Rep.ActAsync(quote.Id(), "send").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Sent", sent.Str("status"));

        var events = await app.InTenantAsync(world.Rep.TenantId, db => db.AuditEntries
            .Where(e => e.RecordType == "quote" && e.RecordId == quote.Id() && e.Action == AuditAction.Update && e.Detail != null)
            .Select(e => new { e.Detail, e.ActorId }).ToListAsync(Api.Ct));
        Assert.Contains(events, e => e.Detail!.Contains("\"approvalRequested\"", StringComparison.Ordinal) && e.ActorId == world.Rep.Id);
        Assert.Contains(events, e => e.Detail!.Contains("\"approvalGranted\"", StringComparison.Ordinal) && e.ActorId == world.Manager.Id);
        Assert.Contains(events, e => e.Detail!.Contains("\"sent\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RejectApproval_ReturnsTheQuoteToDraftWithTheComment()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world, widgetDiscount: 25m));
        await world.Rep.ActAsync(quote.Id(), "request-approval").ExpectAsync(HttpStatusCode.OK);

        var refused = await world.Manager.ActAsync(quote.Id(), "reject-approval", new { comment = "Max 12 %" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Draft", refused.Str("status"));
        Assert.Equal("Max 12 %", refused.Str("approvalComment"));
        await world.Rep.ActAsync(quote.Id(), "send").ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DiscountAtTheThreshold_NeedsNoApproval()
    {
        var world = await app.CreateQuoteWorldAsync();

        // 10 % on 59.97 rounds to 6.00 (10.005 %), yet the entered 10 % is what counts (ADR 0018).
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world, widgetDiscount: 10m));

        Assert.False(quote.GetProperty("approvalRequired").GetBoolean());
        await world.Rep.ActAsync(quote.Id(), "request-approval").ProblemAsync(HttpStatusCode.Conflict);
        await world.Rep.ActAsync(quote.Id(), "send").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Threshold_IsTheTenantsSetting()
    {
        var world = await app.CreateQuoteWorldAsync();
        var settings = await world.Admin.Client.GetJsonAsync("/api/quote-settings");
        Assert.Equal(10m, settings.GetProperty("approvalThresholdPercent").GetDecimal());
        await world.Admin.Client.SendRawAsync(HttpMethod.Put, "/api/quote-settings", """{"approvalThresholdPercent":20,"validityDays":14}""").ExpectAsync(HttpStatusCode.OK);
        await world.Rep.Client.SendRawAsync(HttpMethod.Put, "/api/quote-settings", """{"approvalThresholdPercent":50,"validityDays":14}""").ProblemAsync(HttpStatusCode.Forbidden);

        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world, widgetDiscount: 15m));

        Assert.False(quote.GetProperty("approvalRequired").GetBoolean());
        Assert.Equal(DateOnly.Parse(quote.Str("quoteDate"), System.Globalization.CultureInfo.InvariantCulture).AddDays(14), DateOnly.Parse(quote.Str("validUntil"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task QuoteDiscountAboveThreshold_AlsoNeedsApproval()
    {
        var world = await app.CreateQuoteWorldAsync();

        var quote = await world.Rep.CreateQuoteAsync(new { opportunityId = world.OpportunityId, discountPercent = 10.5m, lines = new[] { new { productId = world.Widget, quantity = 1m } } });

        Assert.True(quote.GetProperty("approvalRequired").GetBoolean());
    }
}
