namespace Kontor.Platform.Identity.Profile;

/// <summary>
/// The signed-in user as <c>GET /api/profile</c> describes them. <c>MfaRequired</c>: the administrator requires
/// two-factor sign-in for this user or the whole tenant. <c>TokenId</c> and <c>TokenScope</c> name the personal
/// access token of the request, if it used one.
/// </summary>
public sealed record ProfileResponse(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string DisplayName,
    IReadOnlyCollection<string> Roles,
    Guid TenantId,
    string TenantName,
    string Culture,
    bool TwoFactorEnabled,
    bool MfaRequired,
    Guid? TokenId,
    TokenScope? TokenScope);
