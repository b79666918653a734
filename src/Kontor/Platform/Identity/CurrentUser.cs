namespace Kontor.Platform.Identity;

/// <summary>
/// How a change reached Kontor: web UI, API, a file import or system work. Set when the user is loaded (an import job
/// switches to <see cref="Import"/>); field history and the audit log record it with every change.
/// </summary>
public enum Channel
{
    System,
    Ui,
    Api,
    Import,
}

/// <summary>
/// The signed-in user of the current request, circuit or job. Filled by <see cref="CurrentUserLoader"/>
/// after authentication; empty (not authenticated) for anonymous requests and system work.
/// </summary>
public sealed class CurrentUser
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Email { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public IReadOnlyCollection<string> Roles { get; private set; } = [];

    /// <summary>Set when the request is authenticated with a personal access token.</summary>
    public Guid? TokenId { get; private set; }

    public TokenScope? TokenScope { get; private set; }
    public Channel Channel { get; private set; } = Channel.System;

    /// <summary>MFA is required for the user but no authenticator is enrolled yet: only enrolment is allowed, so <see cref="Roles"/> and the access scope are empty.</summary>
    public bool MustEnrolMfa { get; private set; }

    /// <summary>The user's culture name, e.g. de-DE.</summary>
    public string Culture { get; private set; } = "en-GB";

    /// <summary>The tenant's ISO country for reading phone numbers without a country code.</summary>
    public string DefaultCountry { get; private set; } = "DE";

    /// <summary>Time zone for showing instants: the user's site's, else Europe/Berlin.</summary>
    public TimeZoneInfo TimeZone { get; private set; } = DefaultTimeZone;

    public bool IsAuthenticated => Id != Guid.Empty;

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The actor stamped on changes: the user, or null for system work.</summary>
    public Guid? ActorId => IsAuthenticated ? Id : null;

    private static TimeZoneInfo DefaultTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Work on behalf of this user that did not come through their own request, e.g. a file import.</summary>
    internal void UseChannel(Channel channel) => Channel = channel;

    internal void Set(KontorUser user, IReadOnlyCollection<string> roles, Guid? tokenId, TokenScope? tokenScope, Channel channel, bool mustEnrolMfa, string defaultCountry, string? timeZone)
    {
        TimeZone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : DefaultTimeZone;
        DefaultCountry = defaultCountry;
        MustEnrolMfa = mustEnrolMfa;
        Culture = user.Culture;
        Id = user.Id;
        TenantId = user.TenantId;
        Email = user.Email ?? "";
        DisplayName = user.DisplayName;
        Roles = roles;
        TokenId = tokenId;
        TokenScope = tokenScope;
        Channel = channel;
    }
}
