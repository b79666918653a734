using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Orders;

internal static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(KontorAuth.ApiPolicy);
        ListOrders.Map(group);
        GetOrder.Map(group);
        ExportOrders.Map(group);
        WriteBackErp.Map(group);
        app.MapGet("/orders/export", (string? format, KontorDb db, AuditTrail audit, CancellationToken ct) => ExportOrders.ExecuteAsync(format, db, audit, ct))
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}

internal static class ListOrders
{
    public const int MaxResults = 500;

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", (KontorDb db, CancellationToken ct) => OrderExport.LoadAsync(db, null, MaxResults, ct))
            .WithName(nameof(ListOrders))
            .WithSummary("List orders the caller can see")
            .WithDescription("Newest first, at most 500; orders of opportunities the caller cannot see are not listed.");
}

internal static class GetOrder
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<OrderResponse>, NotFound>> (Guid id, KontorDb db, CancellationToken ct) =>
                await ExecuteAsync(id, db, ct) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound())
            .WithName(nameof(GetOrder))
            .WithSummary("Get an order with its lines");

    public static async Task<OrderResponse?> ExecuteAsync(Guid id, KontorDb db, CancellationToken ct) =>
        (await OrderExport.LoadAsync(db, id, 1, ct)).SingleOrDefault();
}

internal static class ExportOrders
{
    public const int MaxRows = 100_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/export", (string? format, KontorDb db, AuditTrail audit, CancellationToken ct) => ExecuteAsync(format, db, audit, ct))
            .WithName(nameof(ExportOrders))
            .WithSummary("Export the orders the caller can see as CSV (one row per line) or JSON")
            .WithDescription("format=csv (default) or json. CSV: one row per order line with the order's header columns, amounts in minor units, comma-separated, UTF-8 with BOM, formula-like cells escaped. The export is audited.")
            .ProducesValidationProblem();

    public static async Task<IResult> ExecuteAsync(string? format, KontorDb db, AuditTrail audit, CancellationToken ct)
    {
        format = (format ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "json"))
        {
            throw RequestValidationException.For("format", "Use format=csv or format=json.");
        }

        var orders = await OrderExport.LoadAsync(db, null, MaxRows, ct);
        await audit.AppendAsync(db, AuditAction.Export, "order", new { format, count = orders.Count }, ct);
        if (format == "json")
        {
            return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(orders, Json), "application/json", "orders.json");
        }

        var stream = new MemoryStream();
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var header in Columns)
            {
                csv.WriteField(header);
            }

            await csv.EndRecordAsync(ct);
            foreach (var order in orders)
            {
                foreach (var line in order.Lines)
                {
                    string?[] fields =
                    [
                        order.Number, order.OrderDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), order.QuoteNumber, order.AccountId.ToString(),
                        order.AccountName, order.Currency, Num(order.NetTotal), Num(order.TaxTotal), Num(order.GrossTotal), order.ErpOrderNumber, order.ErpStatus,
                        line.Position.ToString(CultureInfo.InvariantCulture), line.ProductCode, line.Description, line.Quantity.ToString(CultureInfo.InvariantCulture), line.Unit,
                        Num(line.UnitPrice), Num(line.LineDiscount + line.QuoteDiscountShare), Num(line.TaxableAmount),
                        line.TaxRatePercent.ToString(CultureInfo.InvariantCulture), Num(line.TaxAmount), Num(line.TotalAmount),
                    ];
                    foreach (var field in fields)
                    {
                        csv.WriteField(field);
                    }

                    await csv.EndRecordAsync(ct);
                }
            }

            await csv.FlushAsync(ct);
        }

        return TypedResults.File(stream.ToArray(), "text/csv", "orders.csv");
    }

    private static readonly string[] Columns =
    [
        "orderNumber", "orderDate", "quoteNumber", "accountId", "accountName", "currency", "orderNet", "orderTax", "orderGross", "erpOrderNumber", "erpStatus",
        "position", "productCode", "description", "quantity", "unit", "unitPrice", "discount", "taxableAmount", "taxRatePercent", "taxAmount", "lineTotal",
    ];

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The body of <c>PATCH /api/orders/{id}/erp</c>.</summary>
public sealed class ErpWriteBackRequest
{
    [MaxChars(100)]
    public string? ErpOrderNumber { get; set; }

    [MaxChars(100)]
    public string? ErpStatus { get; set; }
}

internal static class WriteBackErp
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}/erp", async Task<Results<Ok<OrderResponse>, NotFound>> (Guid id, ErpWriteBackRequest request, KontorDb db, AccessScope access, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, access, ct) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound())
            .WithName(nameof(WriteBackErp))
            .WithSummary("Write the ERP's order number and status back to an order")
            .WithDescription("Sets both fields (a missing field is cleared); the change is kept in the field history and the audit log. Needs the right to edit the order's opportunity.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<OrderResponse?> ExecuteAsync(Guid id, ErpWriteBackRequest request, KontorDb db, AccessScope access, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var order = await OrderExport.Visible(db).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return null;
        }

        await Quotes.QuoteAccess.RequireEditAsync(order.OpportunityId, db, access, ct);
        order.WriteBack(Text(request.ErpOrderNumber), Text(request.ErpStatus), db.Clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await GetOrder.ExecuteAsync(id, db, ct);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
