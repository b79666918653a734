using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kontor.Platform.Identity;

/// <summary>Claim types Kontor adds to a signed-in principal.</summary>
public static class KontorClaims
{
    public const string Tenant = "kontor:tenant";
    public const string Token = "kontor:token";
    public const string TokenScope = "kontor:token-scope";

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? TenantId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(Tenant), out var id) ? id : null;
}

/// <summary>Adds the tenant to the principal Identity builds at sign-in.</summary>
internal sealed class KontorClaimsFactory(UserManager<KontorUser> users, RoleManager<KontorRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KontorUser, KontorRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KontorUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(KontorClaims.Tenant, user.TenantId.ToString()));
        return identity;
    }
}
