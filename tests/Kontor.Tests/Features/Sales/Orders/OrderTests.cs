using System.Net;
using System.Text;
using System.Text.Json;
using Kontor.Features.Sales;
using Kontor.Platform.Access;
using Kontor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Tests.Features.Sales.Orders;

public sealed class OrderTests(KontorAppFactory app) : IClassFixture<KontorAppFactory>
{
    private async Task<(QuoteWorld World, JsonElement Quote)> SentQuoteAsync()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));
        await world.Rep.ActAsync(quote.Id(), "send").ExpectAsync(HttpStatusCode.OK);
        return (world, quote);
    }

    [Fact]
    public async Task Accept_CreatesOneOrderWithTheLinesAndExactlyOneOutboxEvent()
    {
        var (world, quote) = await SentQuoteAsync();

        var accepted = await world.Rep.ActAsync(quote.Id(), "accept").ExpectAsync(HttpStatusCode.OK);
        await world.Rep.ActAsync(quote.Id(), "accept").ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Accepted", accepted.Str("status"));
        var orderId = accepted.GetProperty("orderId").GetGuid();
        var order = await world.Rep.Client.GetJsonAsync($"/api/orders/{orderId}");
        Assert.Equal("O-00001", order.Str("number"));
        Assert.Equal(quote.Str("number"), order.Str("quoteNumber"));
        Assert.Equal(30373, order.Long("grossTotal"));
        Assert.Equal([974L, 3836L, 16L], order.GetProperty("lines").EnumerateArray().Select(l => l.Long("taxAmount")));

        var events = await app.InTenantAsync(world.Rep.TenantId, db => db.OutboxEvents.Where(e => e.AggregateId == orderId).ToListAsync(Api.Ct));
        var created = Assert.Single(events);
        Assert.Equal("sales.order.created", created.Type);
        Assert.Equal("order", created.AggregateType);
        Assert.Null(created.DispatchedAt);
        using var payload = JsonDocument.Parse(created.Payload);
        Assert.Equal(30373, payload.RootElement.GetProperty("grossTotal").GetInt64());
        Assert.Equal(3, payload.RootElement.GetProperty("lines").GetArrayLength());
        Assert.Equal(1, await app.InTenantAsync(world.Rep.TenantId, db => db.Orders.CountAsync(Api.Ct)));
        Assert.Equal(1, await app.InTenantAsync(world.Rep.TenantId, db => db.OutboxEvents.CountAsync(Api.Ct)));
    }

    [Fact]
    public async Task Accept_DraftQuote_Returns409AndPlacesNoOrder()
    {
        var world = await app.CreateQuoteWorldAsync();
        var quote = await world.Rep.CreateQuoteAsync(QuoteApi.Example1(world));

        await world.Rep.ActAsync(quote.Id(), "accept").ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(0, await app.InTenantAsync(world.Rep.TenantId, db => db.OutboxEvents.CountAsync(Api.Ct)));
    }

    [Fact]
    public async Task Orders_FollowTheOpportunitysVisibility()
    {
        var (world, quote) = await SentQuoteAsync();
        var orderId = (await world.Rep.ActAsync(quote.Id(), "accept").ExpectAsync(HttpStatusCode.OK)).GetProperty("orderId").GetGuid();
        var stranger = await app.CreateUserAsync(world.Rep.TenantId, [Roles.SalesRep]);
        await app.SetSharingAsync(world.Rep.TenantId, SalesObjects.Opportunities, SharingLevel.Private);

        await stranger.Client.FetchAsync($"/api/orders/{orderId}").ProblemAsync(HttpStatusCode.NotFound);
        await stranger.Client.PatchJsonAsync($"/api/orders/{orderId}/erp", new { erpOrderNumber = "X" }, null).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await stranger.Client.GetJsonAsync("/api/orders")).GetArrayLength());
        Assert.Equal(1, (await world.Rep.Client.GetJsonAsync("/api/orders")).GetArrayLength());
        var csv = await stranger.Client.GetStringAsync("/api/orders/export?format=csv", Api.Ct);
        Assert.DoesNotContain("O-00001", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_AsCsvAndJson_HasTheOrderAndItsLines()
    {
        var (world, quote) = await SentQuoteAsync();
        await world.Rep.ActAsync(quote.Id(), "accept").ExpectAsync(HttpStatusCode.OK);

        var csvResponse = await world.Rep.Client.FetchAsync("/api/orders/export?format=csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync(Api.Ct)).TrimStart('\uFEFF');
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("orderNumber,orderDate,quoteNumber", rows[0], StringComparison.Ordinal);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("O-00001,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",30373,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",W-100,", rows[1], StringComparison.Ordinal);

        var json = await world.Rep.Client.GetJsonAsync("/api/orders/export?format=json");
        Assert.Equal(30373, json[0].Long("grossTotal"));
        await world.Rep.Client.FetchAsync("/api/orders/export?format=xml").ProblemAsync(HttpStatusCode.BadRequest, "format");
    }

    [Fact]
    public async Task ErpWriteBack_StoresNumberAndStatusWithFieldHistory()
    {
        var (world, quote) = await SentQuoteAsync();
        var orderId = (await world.Rep.ActAsync(quote.Id(), "accept").ExpectAsync(HttpStatusCode.OK)).GetProperty("orderId").GetGuid();

        var order = await world.Admin.Client.PatchJsonAsync($"/api/orders/{orderId}/erp", new { erpOrderNumber = "SAP-4711", erpStatus = "confirmed" }, null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("SAP-4711", order.Str("erpOrderNumber"));
        Assert.Equal("confirmed", order.Str("erpStatus"));
        var history = await app.InTenantAsync(world.Rep.TenantId, db => db.FieldChanges.Where(c => c.RecordId == orderId).Select(c => c.Field).ToListAsync(Api.Ct));
        Assert.Contains("ErpOrderNumber", history, StringComparer.OrdinalIgnoreCase);
        await world.Admin.Client.PatchJsonAsync($"/api/orders/{orderId}/erp", new { erpOrderNumber = new string('x', 101) }, null).ProblemAsync(HttpStatusCode.BadRequest, "erpOrderNumber");
    }
}
