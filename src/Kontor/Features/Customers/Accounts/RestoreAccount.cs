using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Accounts;

internal static class RestoreAccount
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/restore", async Task<Results<Ok<AccountResponse>, NotFound>> (
                Guid id, HttpResponse response, KontorDb db, CurrentUser user, AccessScope access,
                IEnumerable<IRecordDeleteParticipant> participants, CancellationToken ct) =>
            {
                var restored = await ExecuteAsync(id, db, access, participants, ct);
                if (restored is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = restored.ETag;
                return TypedResults.Ok(restored);
            })
            .WithName(nameof(RestoreAccount))
            .WithSummary("Restore an account (and the contacts and opportunities deleted with it) from the recycle bin")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>Null when no visible account with this id is in the recycle bin.</summary>
    public static async Task<AccountResponse?> ExecuteAsync(
        Guid id, KontorDb db, AccessScope access, IEnumerable<IRecordDeleteParticipant> participants, CancellationToken ct)
    {
        var account = await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin])
            .SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt != null, ct);
        if (account is null)
        {
            return null;
        }

        access.RequireChange(account, ObjectPermissions.Delete);
        if (account.MergedIntoId is not null)
        {
            throw new BusinessRuleException("This account was merged into another one and cannot be restored; its data lives on in the other account.");
        }

        var deletedAt = account.DeletedAt;
        account.RestoreFromRecycleBin();
        var contacts = await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess])
            .Where(c => c.AccountId == id && c.DeletedAt == deletedAt)
            .ToListAsync(ct);
        foreach (var contact in contacts)
        {
            contact.RestoreFromRecycleBin();
        }

        foreach (var participant in participants)
        {
            await participant.RestoreAsync(db, new RecordRef(CustomerObjects.Accounts.Key, id), deletedAt!.Value, ct);
        }

        await db.SaveChangesAsync(ct);
        return await GetAccount.ExecuteAsync(id, db, ct);
    }
}
