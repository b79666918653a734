using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Sales.Quotes;

internal static class GetQuote
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<QuoteResponse>, NotFound>> (Guid id, KontorDb db, CancellationToken ct) =>
                await ExecuteAsync(id, db, ct) is { } quote ? TypedResults.Ok(quote) : TypedResults.NotFound())
            .WithName(nameof(GetQuote))
            .WithSummary("Get a quote with its lines")
            .WithDescription("404 when the quote does not exist or its opportunity is not visible. An open quote past its validity is marked expired when it is read.");

    /// <summary>The quote, or null; marks it expired first when its validity ran out.</summary>
    public static async Task<QuoteResponse?> ExecuteAsync(Guid id, KontorDb db, CancellationToken ct) =>
        await QuoteAccess.ForChangeExpiredIfDueAsync(id, db, ct) is null ? null : await QuoteResponse.LoadAsync(id, db, ct);
}
