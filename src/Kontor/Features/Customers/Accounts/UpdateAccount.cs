using System.Text.Json.Nodes;
using Kontor.Features.Customers.Duplicates;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Accounts;

internal static class UpdateAccount
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPatch("/{id:guid}", (
                Guid id, JsonObject patch, bool? allowDuplicates, HttpRequest http, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct) =>
            JsonMergePatch.PatchVersionedAsync(
                http,
                patch,
                async () => await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } stored ? AccountRequest.From(stored) : null,
                (request, expected) => ExecuteAsync(id, request, expected, allowDuplicates ?? false, db, user, access, ct)))
            .WithName(nameof(UpdateAccount))
            .WithSummary("Change an account")
            .WithDescription("A JSON merge patch (RFC 7396): send only the fields to change, null to clear one. Requires If-Match with the ETag from GET: 428 without it, 412 when the account changed since. " + DuplicateCheck.OpenApiNote + " Only a change of name, VAT ID, e-mail, phone or billing postal code is checked.")
            .Accepts<AccountRequest>("application/json", JsonMergePatch.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>
    /// Shared by the endpoint and the account form. Null when the account is not visible;
    /// <paramref name="expectedVersion"/> null means "whatever is stored" (If-Match: *). A change of a match key is
    /// refused as a likely duplicate (409) unless <paramref name="allowDuplicates"/>.
    /// </summary>
    public static async Task<AccountResponse?> ExecuteAsync(
        Guid id, AccountRequest request, uint? expectedVersion, bool allowDuplicates, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return null;
        }

        access.RequireChange(account, ObjectPermissions.Edit);
        ETags.Check(db, account, expectedVersion);
        var fields = await request.ResolveAsync(account, db, user, ct);
        if (!allowDuplicates)
        {
            await DuplicateCheck.AccountAsync(db, AccountMatch.Of(account), AccountMatch.Of(fields), id, ct);
        }

        account.Apply(fields);
        await db.SaveChangesAsync(ct);
        return await GetAccount.ExecuteAsync(id, db, ct) ?? AccountResponse.Describe(account);
    }
}
