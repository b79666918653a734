using Kontor.Platform.Logging;

namespace Kontor.Platform.Administration;

/// <summary>Log messages of the administration area: who changed whose access. Event ids 1200–1299 are theirs.</summary>
internal static partial class AdminLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Administrator {AdminId} changed the roles of user {UserId} to {Roles}")]
    public static partial void RolesChanged(ILogger logger, Guid adminId, Guid userId, string roles);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Administrator {AdminId} deactivated user {UserId}")]
    public static partial void UserDeactivated(ILogger logger, Guid adminId, Guid userId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Administrator {AdminId} reactivated user {UserId}")]
    public static partial void UserReactivated(ILogger logger, Guid adminId, Guid userId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Administrator {AdminId} reset the authenticator of user {UserId}")]
    public static partial void MfaReset(ILogger logger, Guid adminId, Guid userId);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Administrator {AdminId} set a new password for user {UserId}")]
    public static partial void PasswordSet(ILogger logger, Guid adminId, Guid userId);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Administrator {AdminId} unlocked user {UserId}")]
    public static partial void UserUnlocked(ILogger logger, Guid adminId, Guid userId);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Information, Message = "Administrator {AdminId} changed the e-mail of user {UserId} to {Email}")]
    public static partial void EmailChanged(ILogger logger, Guid adminId, Guid userId, [PersonalData] string email);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "Administrator {AdminId} set sharing of {ObjectKey} to {Level}")]
    public static partial void SharingChanged(ILogger logger, Guid adminId, string objectKey, string level);
}
