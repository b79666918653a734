using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Quotes;

internal static class CreateQuote
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<QuoteResponse>> (QuoteRequest request, KontorDb db, AccessScope access, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, db, access, ct);
                return TypedResults.Created($"/api/quotes/{created.Id}", created);
            })
            .WithName(nameof(CreateQuote))
            .WithSummary("Create a quote for an opportunity")
            .WithDescription("A draft in the opportunity's currency for its account; prices come from the price list of the currency and the account's segment valid today, tax from the account's billing country (else the tenant's). Needs the right to edit the opportunity.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithIdempotency();

    public static async Task<QuoteResponse> ExecuteAsync(QuoteRequest request, KontorDb db, AccessScope access, CancellationToken ct)
    {
        var opportunity = request.OpportunityId is { } opportunityId
            ? await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == opportunityId, ct)
            : null;
        if (opportunity is null)
        {
            throw RequestValidationException.For("opportunityId", "Choose an opportunity you can see.");
        }

        access.RequireChange(opportunity, ObjectPermissions.Edit);
        var account = await db.Accounts.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecordAccess])
            .Where(a => a.Id == opportunity.AccountId).Select(a => new { a.Segment, a.BillingAddress.Country }).SingleAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().Select(t => new { t.DefaultCountry }).SingleAsync(ct);
        var settings = await QuoteSettings.LoadAsync(db, ct);
        var today = QuoteAccess.Today(db);
        var sequence = (await db.Quotes.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).MaxAsync(q => (long?)q.Sequence, ct) ?? 0) + 1;
        var quote = new Quote(opportunity.Id, opportunity.AccountId, sequence, 1, opportunity.Currency, account.Country ?? tenant.DefaultCountry, today, today.AddDays(settings.ValidityDays));
        await ApplyAsync(quote, request, account.Segment, settings, db, ct);
        db.Quotes.Add(quote);
        await db.SaveChangesAsync(ct);
        return (await QuoteResponse.LoadAsync(quote.Id, db, ct))!;
    }

    /// <summary>Prices the request's lines and stores them, the discounts, validity and notes on the draft.</summary>
    internal static async Task ApplyAsync(Quote quote, QuoteRequest request, string? segment, QuoteSettings settings, KontorDb db, CancellationToken ct)
    {
        var (lines, result) = await QuotePricing.PriceAsync(quote, request, segment, db, ct);
        var validUntil = request.ValidUntil ?? quote.ValidUntil;
        if (validUntil < quote.QuoteDate)
        {
            throw RequestValidationException.For("validUntil", "The quote must be valid at least until its quote date.");
        }

        quote.Change(request.DiscountPercent, request.DiscountAmount, validUntil, QuotePricing.Text(request.Notes), lines, result, settings.ApprovalThresholdPercent);
    }
}
