using Kontor.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Accounts;

internal static class GetAccount
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Results<Ok<AccountResponse>, NotFound>> (Guid id, KontorDb db, HttpResponse response, CancellationToken ct) =>
            {
                var account = await ExecuteAsync(id, db, ct);
                if (account is null)
                {
                    return TypedResults.NotFound();
                }

                response.Headers.ETag = account.ETag;
                return TypedResults.Ok(account);
            })
            .WithName(nameof(GetAccount))
            .WithSummary("Get an account")
            .WithDescription("Answers 404 for accounts that do not exist and for accounts the caller may not see. The ETag header carries the version for If-Match.");

    /// <summary>The account, or null when it does not exist, is in the recycle bin or is not visible.</summary>
    public static Task<AccountResponse?> ExecuteAsync(Guid id, KontorDb db, CancellationToken ct) =>
        AccountResponse.Project(db.Accounts.AsNoTracking().Where(a => a.Id == id), db).SingleOrDefaultAsync(ct);
}
