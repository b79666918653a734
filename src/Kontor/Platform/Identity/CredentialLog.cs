using Kontor.Platform.Logging;

namespace Kontor.Platform.Identity;

/// <summary>Security events of a user's own credentials; kept apart from sign-in events in <see cref="PlatformLog"/>.</summary>
internal static partial class CredentialLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "User {UserId} changed their password")]
    public static partial void PasswordChanged(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "User {UserId} turned on two-factor sign-in")]
    public static partial void MfaEnabled(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "User {UserId} turned off two-factor sign-in")]
    public static partial void MfaDisabled(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "User {UserId} reset their authenticator key")]
    public static partial void AuthenticatorReset(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "User {UserId} generated new recovery codes")]
    public static partial void RecoveryCodesGenerated(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "User {UserId} created personal access token {TokenId} with scope {Scope}")]
    public static partial void TokenCreated(ILogger logger, Guid userId, Guid tokenId, TokenScope scope);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "User {UserId} revoked personal access token {TokenId} of user {OwnerId}")]
    public static partial void TokenRevoked(ILogger logger, Guid userId, Guid tokenId, Guid ownerId);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "Revoked {Count} personal access token(s) of user {UserId} as their sessions ended")]
    public static partial void TokensRevokedWithSessions(ILogger logger, Guid userId, int count);
}
