using System.Globalization;
using System.Text.Json.Serialization;
using Kontor.Features.Sales.Products;
using Kontor.Features.Sales.Quotes;
using Kontor.Platform.Access;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Records;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>Body of <c>POST /api/opportunities/{id}/products</c>: a product, a quantity and the line's discounts; the unit price comes from the price list.</summary>
public sealed class AddOpportunityProductRequest
{
    /// <summary>An active product with a price in the opportunity's currency. Required.</summary>
    public Guid? ProductId { get; set; }

    /// <summary>Greater than 0, up to 4 decimals (2.5 hours).</summary>
    public decimal Quantity { get; set; } = 1;

    /// <summary>Line discount in percent of quantity × unit price, 0–100 with up to 2 decimals.</summary>
    public decimal? DiscountPercent { get; set; }

    /// <summary>Line discount in minor units, taken off after the percentage.</summary>
    public long? DiscountAmount { get; set; }

    /// <summary>The line's text; the product's name is shown when left out.</summary>
    [MaxChars(500)]
    public string? Description { get; set; }
}

/// <summary>Body of <c>PUT /api/opportunities/{id}/products/{lineId}</c>: the line's quantity, discounts and text (the product and its price stay).</summary>
public sealed class UpdateOpportunityProductRequest
{
    /// <summary>Greater than 0, up to 4 decimals.</summary>
    public decimal Quantity { get; set; } = 1;

    /// <summary>Line discount in percent, 0–100 with up to 2 decimals; null for none.</summary>
    public decimal? DiscountPercent { get; set; }

    /// <summary>Line discount in minor units; null for none.</summary>
    public long? DiscountAmount { get; set; }

    /// <summary>The line's text; null shows the product's name.</summary>
    [MaxChars(500)]
    public string? Description { get; set; }
}

/// <summary>A product line of an opportunity with its calculated amounts (minor units of the opportunity's currency).</summary>
public sealed record OpportunityProductResponse(
    Guid Id,
    int Position,
    Guid ProductId,
    string ProductCode,
    string ProductName,
    string? Description,
    string Unit,
    decimal Quantity,
    long UnitPrice,
    Guid? PriceListId,
    string? PriceListName,
    decimal? DiscountPercent,
    long? DiscountAmount,
    long GrossAmount,
    long LineDiscount,
    long NetAmount);

/// <summary>The products of an opportunity, their totals and the opportunity's amount and version after the change.</summary>
public sealed record OpportunityProductsResponse(
    Guid OpportunityId,
    string Currency,
    long? Amount,
    IReadOnlyList<OpportunityProductResponse> Lines,
    long GrossTotal,
    long DiscountTotal,
    long NetTotal,
    [property: JsonIgnore] uint Version) : IHasETag
{
    /// <summary>The opportunity's version: product changes change the opportunity, so this is the If-Match for its next write.</summary>
    public string ETag => ETags.For(Version);
}

/// <summary>
/// The product lines of opportunities (ADR 0024): pricing from the price lists, the amount roll-up with the quote
/// calculator's rounding, the rules the opportunity's own fields obey while it has lines, and the copy into a quote.
/// </summary>
internal static class OpportunityProductLines
{
    /// <summary>As many lines as a quote takes.</summary>
    public const int MaxLines = 200;

    public static string Message(string english) => ResourceTexts<OpportunityProductsText>.Get(english);

    public static string Message(string english, params object[] arguments) => ResourceTexts<OpportunityProductsText>.Format(english, arguments);

    /// <summary>The opportunity's products with totals; null when the opportunity does not exist, is in the recycle bin or is not visible.</summary>
    public static async Task<OpportunityProductsResponse?> LoadAsync(Guid opportunityId, KontorDb db, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.AsNoTracking()
            .Where(o => o.Id == opportunityId)
            .Select(o => new { o.Currency, o.Amount, o.Version })
            .SingleOrDefaultAsync(ct);
        if (opportunity is null)
        {
            return null;
        }

        var lines = await db.OpportunityProducts.AsNoTracking()
            .Where(l => l.OpportunityId == opportunityId)
            .OrderBy(l => l.Position)
            .Select(l => new OpportunityProductResponse(
                l.Id,
                l.Position,
                l.ProductId,
                l.ProductCode,
                l.ProductName,
                l.Description,
                l.Unit,
                l.Quantity,
                l.UnitPrice,
                l.PriceListId,
                db.PriceLists.Where(p => p.Id == l.PriceListId).Select(p => p.Name).FirstOrDefault(),
                l.DiscountPercent,
                l.DiscountAmount,
                l.GrossAmount,
                l.LineDiscount,
                l.NetAmount))
            .ToListAsync(ct);
        return new OpportunityProductsResponse(
            opportunityId,
            opportunity.Currency,
            opportunity.Amount,
            lines,
            lines.Sum(l => l.GrossAmount),
            lines.Sum(l => l.LineDiscount),
            lines.Sum(l => l.NetAmount),
            opportunity.Version);
    }

    /// <summary>The visible opportunity with its lines, tracked; checks the right to edit it and the expected version.</summary>
    public static async Task<Opportunity?> ForChangeAsync(Guid opportunityId, uint? expectedVersion, KontorDb db, AccessScope access, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.Include(o => o.Products).SingleOrDefaultAsync(o => o.Id == opportunityId, ct);
        if (opportunity is null)
        {
            return null;
        }

        access.RequireChange(opportunity, ObjectPermissions.Edit);
        ETags.Check(db, opportunity, expectedVersion);
        return opportunity;
    }

    /// <summary>
    /// Checks <paramref name="line"/> on its own (so an error names the request's field), then numbers the lines,
    /// calculates them and rolls their net total up into the opportunity's amount, and marks the opportunity changed
    /// so its version moves with every change of its products.
    /// </summary>
    public static void Recalculate(KontorDb db, Opportunity opportunity, OpportunityProduct? line)
    {
        if (line is not null)
        {
            Calculate([line.ToCalculator()], trimField: true);
        }

        var lines = opportunity.Products.OrderBy(l => l.Position).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i].MoveTo(i + 1);
        }

        if (lines.Count > 0)
        {
            var result = Calculate([.. lines.Select(l => l.ToCalculator())], trimField: false);
            for (var i = 0; i < lines.Count; i++)
            {
                lines[i].Apply(result.Lines[i]);
            }

            opportunity.RollUpAmount(result.NetTotal);
        }

        db.Entry(opportunity).Property(o => o.UpdatedAt).IsModified = true;
    }

    /// <summary>Adds the product change to the opportunity's audit trail: ids and the kind of change, no names.</summary>
    public static void Audit(KontorDb db, AuditTrail audit, Opportunity opportunity, string change, OpportunityProduct line) =>
        audit.Record(db, AuditAction.Update, new RecordRef(SalesObjects.Opportunities.Key, opportunity.Id), new
        {
            products = change,
            lineId = line.Id,
            productId = line.ProductId,
            quantity = line.Quantity,
            amount = opportunity.Amount,
        });

    /// <summary>
    /// What the opportunity's own fields may not do while it has products (checked by <c>PATCH /api/opportunities/{id}</c>):
    /// change the currency the lines are priced in, or set an amount other than the lines' total.
    /// </summary>
    public static void RequireConsistent(Opportunity stored, OpportunityFields fields, bool hasProducts)
    {
        if (!hasProducts)
        {
            return;
        }

        if (!string.Equals(fields.Currency, stored.Currency, StringComparison.Ordinal))
        {
            throw Conflict("currency", Message("The opportunity's products are priced in {0}. Remove its products before changing the currency.", stored.Currency));
        }

        if (fields.Amount != stored.Amount)
        {
            throw Conflict("amount", Message("While the opportunity has products, its amount is their total. Change the products instead."));
        }
    }

    /// <summary>The lines of the opportunity, if visible, as the lines of a new quote, in their order; the quote prices them at its own date.</summary>
    public static async Task<List<QuoteLineRequest>> AsQuoteLinesAsync(Guid opportunityId, KontorDb db, CancellationToken ct) =>
        [.. (await db.OpportunityProducts.AsNoTracking()
                .Where(l => l.OpportunityId == opportunityId && db.Opportunities.Any(o => o.Id == l.OpportunityId))
                .OrderBy(l => l.Position)
                .ToListAsync(ct))
            .Select(l => new QuoteLineRequest
            {
                ProductId = l.ProductId,
                Quantity = l.Quantity,
                DiscountPercent = l.DiscountPercent,
                DiscountAmount = l.DiscountAmount,
                Description = l.Description,
            })];

    /// <summary>The price of <paramref name="product"/> for the opportunity: the price list of its currency and its account's segment valid today.</summary>
    public static async Task<PriceFound> PriceAsync(Opportunity opportunity, Product product, KontorDb db, CancellationToken ct)
    {
        // The deal's visibility was checked; the account's segment decides the price also when the account is not visible.
        var segment = await db.Accounts.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecordAccess])
            .Where(a => a.Id == opportunity.AccountId).Select(a => a.Segment).SingleOrDefaultAsync(ct);
        var today = QuoteAccess.Today(db);
        var prices = await PriceLookup.FindAsync(db, [product.Id], opportunity.Currency, segment, today, ct);
        return prices.TryGetValue(product.Id, out var price)
            ? price
            : throw RequestValidationException.For("productId", Message(
                "No active price list in {0} has a price for {1} on {2}. Add the product to a price list in {0} first.",
                opportunity.Currency,
                product.Code,
                today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static QuoteCalculation Calculate(IReadOnlyList<CalculatorLine> lines, bool trimField)
    {
        try
        {
            return QuoteCalculator.Calculate(lines, CalculatorDiscount.None);
        }
        catch (QuoteCalculationException e)
        {
            // A single line's error names the request's field ("quantity"); a total too large is the quantity's too.
            var field = trimField && e.Field.StartsWith("lines[0].", StringComparison.Ordinal) ? e.Field["lines[0].".Length..] : "quantity";
            throw RequestValidationException.For(field, e.Message);
        }
    }

    private static BusinessRuleException Conflict(string field, string message) => new(message)
    {
        Extensions = new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
    };
}

internal static class ListOpportunityProducts
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/products", async Task<Results<Ok<OpportunityProductsResponse>, NotFound>> (Guid id, KontorDb db, HttpResponse response, CancellationToken ct) =>
            {
                var products = await OpportunityProductLines.LoadAsync(id, db, ct);
                if (products is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = products.ETag;
                return TypedResults.Ok(products);
            })
            .WithName(nameof(ListOpportunityProducts))
            .WithSummary("List the products of an opportunity with their totals")
            .WithDescription("The lines in their order with quantity, unit price, discounts and net amount, and the totals; the opportunity's amount is the net total while it has lines. 404 when the opportunity is not visible. The ETag header is the opportunity's version.");
}

internal static class AddOpportunityProduct
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/products", async Task<Results<Ok<OpportunityProductsResponse>, NotFound>> (
                Guid id, AddOpportunityProductRequest request, HttpRequest http, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct) =>
            {
                ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected);
                var products = await ExecuteAsync(id, request, expected, db, access, audit, ct);
                if (products is null)
                {
                    return TypedResults.NotFound();
                }

                http.HttpContext.Response.Headers.ETag = products.ETag;
                return TypedResults.Ok(products);
            })
            .WithName(nameof(AddOpportunityProduct))
            .WithSummary("Add a product to an opportunity")
            .WithDescription("The unit price is the product's price in the opportunity's currency from the price list of the account's segment valid today (else the list without segment); a product without such a price is refused with 400 on productId. The opportunity's amount becomes the lines' net total. Needs the right to edit the opportunity (403). If-Match (the opportunity's ETag) is optional: when sent, 412 if the opportunity changed since.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Shared by the endpoint and the products section. Null when the opportunity is not visible.</summary>
    public static async Task<OpportunityProductsResponse?> ExecuteAsync(
        Guid id, AddOpportunityProductRequest request, uint? expectedVersion, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct)
    {
        var opportunity = await OpportunityProductLines.ForChangeAsync(id, expectedVersion, db, access, ct);
        if (opportunity is null)
        {
            return null;
        }

        var errors = RequestValidator.Validate(request);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var product = request.ProductId is { } productId ? await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId, ct) : null;
        if (product is not { Active: true })
        {
            throw RequestValidationException.For("productId", OpportunityProductLines.Message("Choose an active product."));
        }

        if (opportunity.Products.Count >= OpportunityProductLines.MaxLines)
        {
            throw new BusinessRuleException(OpportunityProductLines.Message("An opportunity takes at most {0} products.", OpportunityProductLines.MaxLines));
        }

        var price = await OpportunityProductLines.PriceAsync(opportunity, product, db, ct);
        var line = new OpportunityProduct(
            id, opportunity.Products.Count + 1, product, price, request.Quantity, request.DiscountPercent, request.DiscountAmount, OpportunityProductLines.Text(request.Description));
        opportunity.Products.Add(line);
        OpportunityProductLines.Recalculate(db, opportunity, line);
        OpportunityProductLines.Audit(db, audit, opportunity, "added", line);
        await db.SaveChangesAsync(ct);
        return await OpportunityProductLines.LoadAsync(id, db, ct);
    }
}

internal static class UpdateOpportunityProduct
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}/products/{lineId:guid}", async Task<Results<Ok<OpportunityProductsResponse>, NotFound>> (
                Guid id, Guid lineId, UpdateOpportunityProductRequest request, HttpRequest http, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct) =>
            {
                ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected);
                var products = await ExecuteAsync(id, lineId, request, expected, db, access, audit, ct);
                if (products is null)
                {
                    return TypedResults.NotFound();
                }

                http.HttpContext.Response.Headers.ETag = products.ETag;
                return TypedResults.Ok(products);
            })
            .WithName(nameof(UpdateOpportunityProduct))
            .WithSummary("Change the quantity, discounts or text of an opportunity's product line")
            .WithDescription("Replaces quantity, discountPercent, discountAmount and description; the product and its unit price stay (remove the line and add it again for today's price). The amount is rolled up again. 404 when the opportunity is not visible or has no such line; 403 without the right to edit it; If-Match optional (412).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Shared by the endpoint and the products section. Null when the opportunity is not visible or has no such line.</summary>
    public static async Task<OpportunityProductsResponse?> ExecuteAsync(
        Guid id, Guid lineId, UpdateOpportunityProductRequest request, uint? expectedVersion, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct)
    {
        var opportunity = await OpportunityProductLines.ForChangeAsync(id, expectedVersion, db, access, ct);
        var line = opportunity?.Products.SingleOrDefault(l => l.Id == lineId);
        if (opportunity is null || line is null)
        {
            return null;
        }

        var errors = RequestValidator.Validate(request);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        line.Change(request.Quantity, request.DiscountPercent, request.DiscountAmount, OpportunityProductLines.Text(request.Description));
        OpportunityProductLines.Recalculate(db, opportunity, line);
        OpportunityProductLines.Audit(db, audit, opportunity, "changed", line);
        await db.SaveChangesAsync(ct);
        return await OpportunityProductLines.LoadAsync(id, db, ct);
    }
}

internal static class RemoveOpportunityProduct
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}/products/{lineId:guid}", async Task<Results<Ok<OpportunityProductsResponse>, NotFound>> (
                Guid id, Guid lineId, HttpRequest http, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct) =>
            {
                ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected);
                var products = await ExecuteAsync(id, lineId, expected, db, access, audit, ct);
                if (products is null)
                {
                    return TypedResults.NotFound();
                }

                http.HttpContext.Response.Headers.ETag = products.ETag;
                return TypedResults.Ok(products);
            })
            .WithName(nameof(RemoveOpportunityProduct))
            .WithSummary("Remove a product line from an opportunity")
            .WithDescription("Answers the remaining lines and the new amount. When the last line goes, the amount keeps its value and can be typed again. 404 when the opportunity is not visible or has no such line; 403 without the right to edit it; If-Match optional (412).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Shared by the endpoint and the products section. Null when the opportunity is not visible or has no such line.</summary>
    public static async Task<OpportunityProductsResponse?> ExecuteAsync(
        Guid id, Guid lineId, uint? expectedVersion, KontorDb db, AccessScope access, AuditTrail audit, CancellationToken ct)
    {
        var opportunity = await OpportunityProductLines.ForChangeAsync(id, expectedVersion, db, access, ct);
        var line = opportunity?.Products.SingleOrDefault(l => l.Id == lineId);
        if (opportunity is null || line is null)
        {
            return null;
        }

        opportunity.Products.Remove(line);
        OpportunityProductLines.Recalculate(db, opportunity, line: null);
        OpportunityProductLines.Audit(db, audit, opportunity, "removed", line);
        await db.SaveChangesAsync(ct);
        return await OpportunityProductLines.LoadAsync(id, db, ct);
    }
}
