using Kontor.Features.Customers.Accounts;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Duplicates;

internal static class MergeAccounts
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/merge", async Task<Results<Ok<AccountResponse>, NotFound, ProblemHttpResult>> (
                Guid id, MergeRequest request, HttpRequest http, KontorDb db, CurrentUser user, AccessScope access,
                IEnumerable<IRecordMergeParticipant> participants, TimeProvider clock, CancellationToken ct) =>
            {
                if (!ETags.TryParseIfMatch(http.Headers.IfMatch, out var expected))
                {
                    return ETags.MissingIfMatch();
                }

                var survivor = await ExecuteAsync(id, request, expected, db, user, access, participants, clock, ct);
                if (survivor is null)
                {
                    return TypedResults.NotFound();
                }

                http.HttpContext.Response.Headers.ETag = survivor.ETag;
                return TypedResults.Ok(survivor);
            })
            .WithName(nameof(MergeAccounts))
            .WithSummary("Merge another account into this one")
            .WithDescription(
                "In one transaction: the chosen field values are applied to this account (the survivor), the merged account's contacts, sub-accounts, " +
                "activities and history move to it, and the merged account goes to the recycle bin marked as merged (it cannot be restored). " +
                "Both accounts must be visible (404) and changeable (403); requires If-Match with the survivor's ETag (428, 412).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>
    /// Shared by the endpoint and the merge dialog. Null when either account is not visible;
    /// <paramref name="expectedVersion"/> is the survivor's, null for any.
    /// </summary>
    public static async Task<AccountResponse?> ExecuteAsync(
        Guid survivorId,
        MergeRequest request,
        uint? expectedVersion,
        KontorDb db,
        CurrentUser user,
        AccessScope access,
        IEnumerable<IRecordMergeParticipant> participants,
        TimeProvider clock,
        CancellationToken ct)
    {
        MergeFields.Validate<AccountRequest>(request, survivorId);
        var survivor = await db.Accounts.SingleOrDefaultAsync(a => a.Id == survivorId, ct);
        var merged = await db.Accounts.SingleOrDefaultAsync(a => a.Id == request.MergedId, ct);
        if (survivor is null || merged is null)
        {
            return null;
        }

        access.RequireChange(survivor, ObjectPermissions.Edit);
        access.RequireChange(merged, ObjectPermissions.Delete);
        ETags.Check(db, survivor, expectedVersion);
        if (survivor.ParentAccountId != merged.Id && await IsAncestorAsync(db, merged.Id, survivor.Id, ct))
        {
            throw new BusinessRuleException("An account cannot be merged into one of its own sub-accounts further down the group. Merge the other way round.");
        }

        var combined = MergeFields.Combine(AccountRequest.From(survivor), AccountRequest.From(merged), request.FieldChoices);

        // Neither account can be the survivor's parent afterwards: the survivor takes the next parent up.
        if (combined.ParentAccountId == survivor.Id || combined.ParentAccountId == merged.Id)
        {
            combined.ParentAccountId = new[] { survivor.ParentAccountId, merged.ParentAccountId }.FirstOrDefault(p => p != survivor.Id && p != merged.Id);
        }

        var fields = await combined.ResolveAsync(survivor, db, user, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        survivor.Apply(fields);

        // Contacts and sub-accounts move whoever can see them, those in the recycle bin too: they belong to the company.
        var contacts = await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecordAccess, KontorDb.Filters.RecycleBin])
            .Where(c => c.AccountId == merged.Id).ToListAsync(ct);
        foreach (var contact in contacts)
        {
            contact.MoveToAccount(survivor.Id);
        }

        var children = await db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecordAccess, KontorDb.Filters.RecycleBin])
            .Where(a => a.ParentAccountId == merged.Id && a.Id != survivor.Id).ToListAsync(ct);
        foreach (var child in children)
        {
            child.MoveUnder(survivor.Id);
        }

        merged.MarkMergedInto(survivor.Id, user.ActorId, clock.GetUtcNow());
        var from = new RecordRef(Account.SecuredObject.Key, merged.Id);
        var to = new RecordRef(Account.SecuredObject.Key, survivor.Id);
        foreach (var participant in participants)
        {
            await participant.MoveAsync(db, from, to, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAccount.ExecuteAsync(survivor.Id, db, ct) ?? AccountResponse.Describe(survivor);
    }

    /// <summary>True when <paramref name="ancestorId"/> is above <paramref name="accountId"/> in its group (through records of any visibility).</summary>
    private static async Task<bool> IsAncestorAsync(KontorDb db, Guid ancestorId, Guid accountId, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        var current = await ParentOfAsync(db, accountId, ct);
        while (current is { } id && seen.Add(id))
        {
            if (id == ancestorId)
            {
                return true;
            }

            current = await ParentOfAsync(db, id, ct);
        }

        return false;
    }

    private static Task<Guid?> ParentOfAsync(KontorDb db, Guid id, CancellationToken ct) =>
        db.Accounts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess])
            .Where(a => a.Id == id).Select(a => a.ParentAccountId).SingleOrDefaultAsync(ct);
}
