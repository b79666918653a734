using Kontor.Features.Customers.Duplicates;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Customers.Contacts;

internal static class CreateContact
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<ContactResponse>> (
                ContactRequest request, bool? allowDuplicates, KontorDb db, CurrentUser user, AccessScope access, HttpResponse response, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, allowDuplicates ?? false, db, user, access, ct);
                response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/contacts/{created.Id}", created);
            })
            .WithName(nameof(CreateContact))
            .WithSummary("Create a contact")
            .WithDescription("The owner defaults to the caller. Phone numbers without country code are read as numbers of the account's billing country, else of the tenant's country, and stored in E.164. " + DuplicateCheck.OpenApiNote)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the contact form; refuses likely duplicates (409) unless <paramref name="allowDuplicates"/>.</summary>
    public static async Task<ContactResponse> ExecuteAsync(ContactRequest request, bool allowDuplicates, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct)
    {
        access.Require(Contact.SecuredObject, ObjectPermissions.Create);
        var fields = await request.ResolveAsync(stored: null, db, user, ct);
        if (!allowDuplicates)
        {
            await DuplicateCheck.ContactAsync(db, before: null, ContactMatch.Of(fields), id: null, ct);
        }

        var contact = new Contact(fields);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);

        // A rep may hand a new contact to an owner whose records they cannot see; the answer still describes it.
        return await GetContact.ExecuteAsync(contact.Id, db, ct) ?? ContactResponse.Describe(contact);
    }
}
