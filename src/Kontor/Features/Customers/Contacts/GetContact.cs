using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Contacts;

internal static class GetContact
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<ContactResponse>, NotFound>> (Guid id, KontorDb db, HttpResponse response, CancellationToken ct) =>
            {
                var contact = await ExecuteAsync(id, db, ct);
                if (contact is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = contact.ETag;
                return TypedResults.Ok(contact);
            })
            .WithName(nameof(GetContact))
            .WithSummary("Get a contact")
            .WithDescription("Answers 404 for contacts that do not exist and for contacts the caller may not see. The ETag header carries the version for If-Match.");

    /// <summary>The contact, or null when it does not exist, is in the recycle bin or is not visible.</summary>
    public static Task<ContactResponse?> ExecuteAsync(Guid id, KontorDb db, CancellationToken ct) =>
        ContactResponse.Project(db.Contacts.AsNoTracking().Where(c => c.Id == id), db).SingleOrDefaultAsync(ct);
}
