using Kontor.Platform.Administration;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Integration.ApiTokens;

/// <summary>Query of <c>GET /api/admin/tokens</c>; also the state of the administration page.</summary>
public sealed class ListTenantApiTokensRequest
{
    /// <summary><c>active</c>, <c>expired</c> or <c>revoked</c>; all when absent.</summary>
    [MaxChars(20)]
    public string? Status { get; set; }

    /// <summary>Only the tokens of this user.</summary>
    public Guid? Owner { get; set; }

    /// <summary><c>-createdAt</c> (default), <c>createdAt</c>, <c>name</c>, <c>-name</c>.</summary>
    [MaxChars(20)]
    public string? Sort { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListTenantApiTokens
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<Page<ApiTokenResponse>>> (
                [AsParameters] ListTenantApiTokensRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ExecuteAsync(request, db, user, clock, ct)))
            .WithName(nameof(ListTenantApiTokens))
            .WithSummary("Administrators: list the personal access tokens of every user of the tenant, with their owners")
            .WithDescription("Answers 403 for users without the Admin role.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Task<Page<ApiTokenResponse>> ExecuteAsync(
        ListTenantApiTokensRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        AdminAccess.Require(user);
        RequestValidator.ThrowIfInvalid(request);
        var now = clock.GetUtcNow();
        var tokens = db.PersonalAccessTokens.WithStatus(request.Status, now);
        if (request.Owner is { } owner)
        {
            tokens = tokens.Where(t => t.UserId == owner);
        }

        return ApiTokenQueries.PageAsync(tokens, request.Sort, request.Cursor, request.Limit, db, now, ct);
    }
}
