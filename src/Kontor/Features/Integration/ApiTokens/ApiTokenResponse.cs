using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Integration.ApiTokens;

/// <summary>Whether a personal access token still works.</summary>
public enum ApiTokenStatus
{
    Active,
    Expired,
    Revoked,
}

/// <summary>The user a token acts for.</summary>
public sealed record ApiTokenOwner(Guid Id, string DisplayName, string Email);

/// <summary>
/// A personal access token as lists show it: never its secret, never its hash. <c>Hint</c> holds the last four
/// characters of the secret, to tell tokens apart; the token stops working at <c>ExpiresAt</c> (null: never).
/// </summary>
public sealed record ApiTokenResponse(
    Guid Id,
    string Name,
    TokenScope Scope,
    string Hint,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    ApiTokenStatus Status,
    ApiTokenOwner Owner)
{
    /// <summary>The tokens with these ids and their owners, in the order of <paramref name="ids"/>.</summary>
    internal static async Task<List<ApiTokenResponse>> LoadAsync(IReadOnlyList<Guid> ids, KontorDb db, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await (from token in db.PersonalAccessTokens.AsNoTracking()
                          join user in db.Users.AsNoTracking() on token.UserId equals user.Id
                          where ids.Contains(token.Id)
                          select new { Token = token, user.FirstName, user.LastName, user.Email })
            .ToDictionaryAsync(r => r.Token.Id, ct);
        return [.. ids.Where(rows.ContainsKey).Select(id =>
        {
            var row = rows[id];
            var name = $"{row.FirstName} {row.LastName}".Trim();
            return From(row.Token, new ApiTokenOwner(row.Token.UserId, name.Length > 0 ? name : row.Email ?? "", row.Email ?? ""), now);
        })];
    }

    internal static ApiTokenResponse From(PersonalAccessToken token, ApiTokenOwner owner, DateTimeOffset now) => new(
        token.Id,
        token.Name,
        token.Scope,
        token.Hint,
        token.CreatedAt,
        token.LastUsedAt,
        token.ExpiresAt,
        token.RevokedAt,
        StatusOf(token, now),
        owner);

    internal static ApiTokenStatus StatusOf(PersonalAccessToken token, DateTimeOffset now) =>
        token.RevokedAt is not null ? ApiTokenStatus.Revoked
        : token.IsUsableAt(now) ? ApiTokenStatus.Active
        : ApiTokenStatus.Expired;
}

/// <summary>
/// Answer of <c>POST /api/tokens</c>: the only time the secret is shown. Send it as <c>Authorization: Bearer kpat_…</c>;
/// Kontor stores only a hash and cannot show it again.
/// </summary>
public sealed record CreatedApiTokenResponse(
    Guid Id,
    string Name,
    TokenScope Scope,
    string Hint,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string Secret);

/// <summary>Filters and paging shared by the own and the tenant-wide token lists.</summary>
internal static class ApiTokenQueries
{
    internal static IReadOnlyList<KeysetSort<PersonalAccessToken>> Sorts { get; } =
    [
        .. KeysetSorts.BothWays(n => KeysetSorts.Time<PersonalAccessToken>(n, t => t.CreatedAt), "createdAt").Reverse(),
        .. KeysetSorts.BothWays(n => KeysetSorts.Text<PersonalAccessToken>(n, t => t.Name), "name"),
    ];

    /// <summary>Keeps the tokens in <paramref name="status"/> (<c>active</c>, <c>expired</c>, <c>revoked</c>, any case); all when null.</summary>
    public static IQueryable<PersonalAccessToken> WithStatus(this IQueryable<PersonalAccessToken> query, string? status, DateTimeOffset now)
    {
        ApiTokenStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = Enum.GetValues<ApiTokenStatus>().FirstOrDefault(s => string.Equals(s.ToString(), status.Trim(), StringComparison.OrdinalIgnoreCase), (ApiTokenStatus)(-1));
            if (!Enum.IsDefined(wanted.Value))
            {
                throw RequestValidationException.For("status", "Use active, expired or revoked.");
            }
        }

        return wanted switch
        {
            ApiTokenStatus.Active => query.Where(t => t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now)),
            ApiTokenStatus.Expired => query.Where(t => t.RevokedAt == null && t.ExpiresAt != null && t.ExpiresAt <= now),
            ApiTokenStatus.Revoked => query.Where(t => t.RevokedAt != null),
            _ => query,
        };
    }

    public static Task<Page<ApiTokenResponse>> PageAsync(
        IQueryable<PersonalAccessToken> filtered, string? sort, string? cursor, int? limit, KontorDb db, DateTimeOffset now, CancellationToken ct)
    {
        return KeysetSorts.PageAsync<PersonalAccessToken, ApiTokenResponse>(
            filtered, KeysetSorts.Pick(Sorts, sort), cursor, limit, async ids => await ApiTokenResponse.LoadAsync(ids, db, now, ct), ct);
    }
}
