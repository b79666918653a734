using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Quotes;

internal static class UpdateQuote
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Results<Ok<QuoteResponse>, NotFound>> (Guid id, QuoteRequest request, KontorDb db, AccessScope access, CancellationToken ct) =>
                await ExecuteAsync(id, request, db, access, ct) is { } quote ? TypedResults.Ok(quote) : TypedResults.NotFound())
            .WithName(nameof(UpdateQuote))
            .WithSummary("Change a draft quote")
            .WithDescription("Replaces discounts, validity, notes and lines of the current draft version and recalculates it; prices are looked up again at the quote date. 409 for a quote that is not a draft or an old version.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<QuoteResponse?> ExecuteAsync(Guid id, QuoteRequest request, KontorDb db, AccessScope access, CancellationToken ct)
    {
        var quote = await QuoteAccess.ForChangeExpiredIfDueAsync(id, db, ct);
        if (quote is null)
        {
            return null;
        }

        await QuoteAccess.RequireEditAsync(quote.OpportunityId, db, access, ct);
        quote.RequireEditable();
        var segment = await db.Accounts.AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecordAccess])
            .Where(a => a.Id == quote.AccountId).Select(a => a.Segment).SingleAsync(ct);
        var settings = await QuoteSettings.LoadAsync(db, ct);
        var removed = quote.Lines.ToList();
        await CreateQuote.ApplyAsync(quote, request, segment, settings, db, ct);
        db.QuoteLines.RemoveRange(removed);
        db.QuoteLines.AddRange(quote.Lines);
        await db.SaveChangesAsync(ct);
        return await QuoteResponse.LoadAsync(id, db, ct);
    }
}
