using Kontor.Features.Sales.Opportunities;
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
            .WithDescription("A draft in the opportunity's currency for its account; prices come from the price list of the currency and the account's segment valid today, tax from the account's billing country (else the tenant's). Without lines the opportunity's products are copied as the first version's lines, in their order with quantities, discounts and texts, priced at the quote date. Needs the right to edit the opportunity.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
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
        if (request.Lines is not { Count: > 0 })
        {
            // A quote made for an opportunity starts from the deal's products (ADR 0024).
            request.Lines = await OpportunityProductLines.AsQuoteLinesAsync(opportunity.Id, db, ct);
        }

        var (quote, segment) = await NewDraftAsync(opportunity, db, ct);
        var settings = await QuoteSettings.LoadAsync(db, ct);
        await ApplyAsync(quote, request, segment, settings, db, ct);
        db.Quotes.Add(quote);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two quotes created at the same moment drew the same number; the unique index kept the second out.
            throw new BusinessRuleException(SalesMessages.Quote("Another quote was created at the same moment and took this number; nothing was saved. Please try again."));
        }

        return (await QuoteResponse.LoadAsync(quote.Id, db, ct))!;
    }

    /// <summary>A new, unsaved draft for the opportunity (number, currency, tax country, dates) and its account's segment.</summary>
    internal static async Task<(Quote Quote, string? Segment)> NewDraftAsync(Opportunity opportunity, KontorDb db, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecordAccess])
            .Where(a => a.Id == opportunity.AccountId).Select(a => new { a.Segment, a.BillingAddress.Country }).SingleAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().Select(t => new { t.DefaultCountry }).SingleAsync(ct);
        var settings = await QuoteSettings.LoadAsync(db, ct);
        var today = QuoteAccess.Today(db);
        var sequence = (await db.Quotes.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).MaxAsync(q => (long?)q.Sequence, ct) ?? 0) + 1;
        var quote = new Quote(opportunity.Id, opportunity.AccountId, sequence, 1, opportunity.Currency, account.Country ?? tenant.DefaultCountry, today, today.AddDays(settings.ValidityDays));
        return (quote, account.Segment);
    }

    /// <summary>
    /// The quote a request would give, priced and calculated but not saved: the editor's live totals. For a new quote
    /// (<paramref name="quoteId"/> null) the draft is made for <paramref name="opportunityId"/>.
    /// </summary>
    internal static async Task<Quote?> PreviewAsync(Guid? quoteId, Guid opportunityId, QuoteRequest request, KontorDb db, CancellationToken ct)
    {
        Quote quote;
        string? segment;
        if (quoteId is { } id)
        {
            var stored = await QuoteAccess.Visible(db).AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct);
            if (stored is null)
            {
                return null;
            }

            quote = new Quote(stored.OpportunityId, stored.AccountId, stored.Sequence, stored.Revision, stored.Currency, stored.TaxCountry, stored.QuoteDate, stored.ValidUntil);
            segment = await db.Accounts.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecordAccess]).Where(a => a.Id == stored.AccountId).Select(a => a.Segment).SingleAsync(ct);
        }
        else
        {
            var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == opportunityId, ct);
            if (opportunity is null)
            {
                return null;
            }

            (quote, segment) = await NewDraftAsync(opportunity, db, ct);
        }

        await ApplyAsync(quote, request, segment, await QuoteSettings.LoadAsync(db, ct), db, ct);
        return quote;
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
