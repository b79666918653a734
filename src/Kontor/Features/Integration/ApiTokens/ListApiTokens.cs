using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kontor.Features.Integration.ApiTokens;

/// <summary>Query of <c>GET /api/tokens</c>.</summary>
public sealed class ListApiTokensRequest
{
    /// <summary><c>active</c>, <c>expired</c> or <c>revoked</c>; all when absent.</summary>
    [MaxChars(20)]
    public string? Status { get; set; }

    /// <summary><c>-createdAt</c> (default), <c>createdAt</c>, <c>name</c>, <c>-name</c>.</summary>
    [MaxChars(20)]
    public string? Sort { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; set; }
}

internal static class ListApiTokens
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<Page<ApiTokenResponse>>> (
                [AsParameters] ListApiTokensRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ExecuteAsync(request, db, user, clock, ct)))
            .WithName(nameof(ListApiTokens))
            .WithSummary("List the caller's own personal access tokens (never their secrets)")
            .WithDescription("Administrators list the tokens of every user of the tenant with GET /api/admin/tokens.")
            .ProducesValidationProblem();

    public static Task<Page<ApiTokenResponse>> ExecuteAsync(ListApiTokensRequest request, KontorDb db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        RequestValidator.ThrowIfInvalid(request);
        var now = clock.GetUtcNow();
        var own = db.PersonalAccessTokens.Where(t => t.UserId == user.Id).WithStatus(request.Status, now);
        return ApiTokenQueries.PageAsync(own, request.Sort, request.Cursor, request.Limit, db, now, ct);
    }
}
