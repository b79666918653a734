using System.Security.Claims;
using System.Text.Encodings.Web;
using Kontor.Platform.Data;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kontor.Platform.Identity;

/// <summary>Authenticates <c>Authorization: Bearer kpat_…</c> with a personal access token.</summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KontorDb db,
    SystemScope system,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    /// <summary>How often the last-used time of a token is written, at most.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static bool IsTokenHeader(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer " + PersonalAccessToken.Prefix, StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (!IsTokenHeader(authorization))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = PersonalAccessToken.Hash(authorization!["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();

        // The token names its tenant only after it is found.
        using (system.Enter("personal access token lookup"))
        {
            var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
            if (token is null || !token.IsUsableAt(now))
            {
                return AuthenticateResult.Fail("The access token is unknown, expired or revoked.");
            }

            if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
            {
                token.MarkUsed(now);
                await db.SaveChangesAsync(Context.RequestAborted);
            }

            var identity = new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, token.UserId.ToString()),
                    new Claim(KontorClaims.Tenant, token.TenantId.ToString()),
                    new Claim(KontorClaims.Token, token.Id.ToString()),
                    new Claim(KontorClaims.TokenScope, token.Scope.ToString()),
                ],
                SchemeName);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        }
    }
}
