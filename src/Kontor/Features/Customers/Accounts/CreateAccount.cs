using Kontor.Features.Customers.Duplicates;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Customers.Accounts;

internal static class CreateAccount
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<AccountResponse>> (
                AccountRequest request, bool? allowDuplicates, KontorDb db, CurrentUser user, AccessScope access, HttpResponse response, CancellationToken ct) =>
            {
                var created = await ExecuteAsync(request, allowDuplicates ?? false, db, user, access, ct);
                response.Headers.ETag = created.ETag;
                return TypedResults.Created($"/api/accounts/{created.Id}", created);
            })
            .WithName(nameof(CreateAccount))
            .WithSummary("Create an account")
            .WithDescription("The owner defaults to the caller. Phone numbers without country code are read as numbers of the billing country, else of the tenant's country, and stored in E.164. " + DuplicateCheck.OpenApiNote)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotency();

    /// <summary>Shared by the endpoint and the account form; refuses likely duplicates (409) unless <paramref name="allowDuplicates"/>.</summary>
    public static async Task<AccountResponse> ExecuteAsync(AccountRequest request, bool allowDuplicates, KontorDb db, CurrentUser user, AccessScope access, CancellationToken ct)
    {
        access.Require(Account.SecuredObject, ObjectPermissions.Create);
        var fields = await request.ResolveAsync(stored: null, db, user, ct);
        if (!allowDuplicates)
        {
            await DuplicateCheck.AccountAsync(db, before: null, AccountMatch.Of(fields), id: null, ct);
        }

        var account = new Account(fields);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);

        // A rep may hand a new account to an owner whose records they cannot see; the answer still describes it.
        return await GetAccount.ExecuteAsync(account.Id, db, ct) ?? AccountResponse.Describe(account);
    }
}
