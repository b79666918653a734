using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Contacts;

internal static class RestoreContact
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/restore", async Task<Results<Ok<ContactResponse>, NotFound>> (
                Guid id, HttpResponse response, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct) =>
            {
                var restored = await ExecuteAsync(id, db, access, ct);
                if (restored is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = restored.ETag;
                return TypedResults.Ok(restored);
            })
            .WithName(nameof(RestoreContact))
            .WithSummary("Restore a contact from the recycle bin")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when no visible contact with this id is in the recycle bin; 409 while its account is deleted.</summary>
    public static async Task<ContactResponse?> ExecuteAsync(Guid id, KontorDb db, AccessScope access, CancellationToken ct)
    {
        var contact = await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .SingleOrDefaultAsync(c => c.Id == id && c.DeletedAt != null, ct);
        if (contact is null)
        {
            return null;
        }

        access.RequireChange(contact, ObjectPermissions.Delete);
        if (contact.MergedIntoId is not null)
        {
            throw new BusinessRuleException("This contact was merged into another one and cannot be restored; its data lives on in the other contact.");
        }

        if (contact.AccountId is { } accountId && !await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecordAccess]).AnyAsync(a => a.Id == accountId, ct))
        {
            throw new BusinessRuleException(ValidationMessages.ContactAccountInRecycleBin);
        }

        contact.RestoreFromRecycleBin();
        await db.SaveChangesAsync(ct);
        return await GetContact.ExecuteAsync(id, db, ct);
    }
}
