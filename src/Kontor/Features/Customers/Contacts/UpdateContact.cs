using System.Text.Json.Nodes;
using Kontor.Features.Customers.Duplicates;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Contacts;

internal static class UpdateContact
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}", (
                Guid id, JsonObject patch, bool? allowDuplicates, HttpRequest http, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct) =>
            JsonMergePatch.PatchVersionedAsync(
                http,
                patch,
                async () => await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } stored ? ContactRequest.From(stored) : null,
                (request, expected) => ExecuteAsync(id, request, expected, allowDuplicates ?? false, db, user, access, ct)))
            .WithName(nameof(UpdateContact))
            .WithSummary("Change a contact")
            .WithDescription("A JSON merge patch (RFC 7396): send only the fields to change, null to clear one. Requires If-Match with the ETag from GET: 428 without it, 412 when the contact changed since. " + DuplicateCheck.OpenApiNote + " Only a change of e-mail, phone, mobile, name or account is checked.")
            .Accepts<ContactRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>
    /// Shared by the endpoint and the contact form. Null when the contact is not visible;
    /// <paramref name="expectedVersion"/> null means "whatever is stored" (If-Match: *). A change of a match key is
    /// refused as a likely duplicate (409) unless <paramref name="allowDuplicates"/>.
    /// </summary>
    public static async Task<ContactResponse?> ExecuteAsync(
        Guid id, ContactRequest request, uint? expectedVersion, bool allowDuplicates, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return null;
        }

        access.RequireChange(contact, ObjectPermissions.Edit);
        ETags.Check(db, contact, expectedVersion);
        var fields = await request.ResolveAsync(contact, db, user, ct);
        if (!allowDuplicates)
        {
            await DuplicateCheck.ContactAsync(db, ContactMatch.Of(contact), ContactMatch.Of(fields), id, ct);
        }

        contact.Apply(fields);
        await db.SaveChangesAsync(ct);
        return await GetContact.ExecuteAsync(id, db, ct) ?? ContactResponse.Describe(contact);
    }
}
