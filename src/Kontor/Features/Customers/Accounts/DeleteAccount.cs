using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Accounts;

internal static class DeleteAccount
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (
                Guid id, HttpRequest http, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock,
                IEnumerable<IRecordDeleteParticipant> participants, CancellationToken ct) =>
            {
                ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected);
                return await ExecuteAsync(id, expected, db, user, access, clock, participants, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
            })
            .WithName(nameof(DeleteAccount))
            .WithSummary("Move an account, its contacts and its open opportunities to the recycle bin")
            .WithDescription($"Restorable with POST /api/accounts/{{id}}/restore for {RecycleBin.RetentionDays} days, then purged. If-Match is optional here.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>
    /// False when the account is not visible. Its contacts, and whatever the <paramref name="participants"/> attach to it,
    /// go to the recycle bin with it and come back with it.
    /// </summary>
    public static async Task<bool> ExecuteAsync(
        Guid id, uint? expectedVersion, KontorDb db, CurrentUser user, AccessScope access, TimeProvider clock,
        IEnumerable<IRecordDeleteParticipant> participants, CancellationToken ct)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return false;
        }

        access.RequireChange(account, ObjectPermissions.Delete);
        ETags.Check(db, account, expectedVersion);
        var now = clock.GetUtcNow();
        account.MoveToRecycleBin(user.ActorId, now);

        // Contacts the user cannot see go too: they belong to the account, not to the user.
        var contacts = await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecordAccess]).Where(c => c.AccountId == id).ToListAsync(ct);
        foreach (var contact in contacts)
        {
            contact.MoveToRecycleBin(user.ActorId, now);
        }

        foreach (var participant in participants)
        {
            await participant.DeleteAsync(db, new RecordRef(CustomerObjects.Accounts.Key, id), user.ActorId, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
