using System.Text.Json;
using Kontor.Features.Sales.Quotes;
using Kontor.Platform.Data;
using Kontor.Platform.Events;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Orders;

/// <summary>
/// Turns an accepted quote into an order and writes the <c>sales.order.created</c> outbox event beside it; the caller
/// saves both in one <c>SaveChanges</c>, so either both are stored or neither (docs/adr/0019-outbox.md).
/// </summary>
internal static class PlaceOrder
{
    public const string CreatedEvent = "sales.order.created";

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<Order> AddAsync(Quote quote, KontorDb db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Orders.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(o => o.QuoteId == quote.Id, ct))
        {
            throw new Platform.Http.BusinessRuleException(SalesMessages.Quote("The quote already became an order."));
        }

        var sequence = (await db.Orders.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).MaxAsync(o => (long?)o.Sequence, ct) ?? 0) + 1;
        var order = new Order(quote, sequence, DateOnly.FromDateTime(now.UtcDateTime));
        db.Orders.Add(order);
        db.OutboxEvents.Add(new OutboxEvent(CreatedEvent, "order", order.Id, JsonSerializer.Serialize(OrderExport.Of(order), PayloadJson), now));
        return order;
    }
}
