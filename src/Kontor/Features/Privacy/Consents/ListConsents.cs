using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy.Consents;

internal static class ListConsents
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/consents", async Task<Results<Ok<IReadOnlyList<ConsentResponse>>, NotFound>> (Guid id, KontorDb db, CancellationToken ct) =>
                await ExecuteAsync(id, db, ct) is { } consents ? TypedResults.Ok(consents) : TypedResults.NotFound())
            .WithName(nameof(ListConsents))
            .WithSummary("Consents of a contact, newest first, with their history")
            .WithDescription("Everyone who sees the contact sees its consents. 'current' marks the state of each purpose; withdrawn and superseded rows are the history.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Null when the contact is not visible to the caller.</summary>
    public static async Task<IReadOnlyList<ConsentResponse>?> ExecuteAsync(Guid contactId, KontorDb db, CancellationToken ct) =>
        await db.Contacts.AnyAsync(c => c.Id == contactId, ct) ? await ConsentResponse.ListAsync(db, contactId, ct) : null;
}
