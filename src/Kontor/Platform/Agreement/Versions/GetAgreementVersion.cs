using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Platform.Agreement.Versions;

internal static class GetAgreementVersion
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/versions/{number:int}", async Task<Results<Ok<AgreementVersionResponse>, NotFound>> (int number, KontorDb db, CurrentUser user, CancellationToken ct) =>
                await ExecuteAsync(number, db, user, ct) is { } version ? TypedResults.Ok(version) : TypedResults.NotFound())
            .WithName(nameof(GetAgreementVersion))
            .WithSummary("Get a version of the works agreement with its difference to the version before")
            .WithDescription("The text as proposed and a line diff against the last version in force before it (or the strict default). For administrators and the works council.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Null when the tenant has no version with this number.</summary>
    public static async Task<AgreementVersionResponse?> ExecuteAsync(int number, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        AgreementAccess.RequireReader(user);
        var found = await AgreementVersionResponse.ListAsync(db, db.AgreementVersions.Where(v => v.Number == number), withText: true, ct);
        return found.SingleOrDefault();
    }
}
