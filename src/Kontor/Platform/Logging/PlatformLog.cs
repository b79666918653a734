namespace Kontor.Platform.Logging;

/// <summary>Log messages of the platform; personal data parameters carry <see cref="PersonalDataAttribute"/>.</summary>
internal static partial class PlatformLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Entering system scope: {Reason}")]
    public static partial void SystemScopeEntered(ILogger logger, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "User {UserId} ({Email}) signed in via {Channel}")]
    public static partial void SignedIn(ILogger logger, Guid userId, [PersonalData] string email, string channel);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Failed sign-in for {Email}: {Outcome}")]
    public static partial void SignInFailed(ILogger logger, [PersonalData] string email, string outcome);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Created tenant {TenantId} '{TenantName}' with administrator {Email}")]
    public static partial void TenantCreated(ILogger logger, Guid tenantId, string tenantName, [PersonalData] string email);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Created user {UserId} ({Email}) in tenant {TenantId}")]
    public static partial void UserCreated(ILogger logger, Guid userId, [PersonalData] string email, Guid tenantId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Copied the SQLite database to {BackupPath} before applying {Count} migration(s)")]
    public static partial void SqliteBackedUp(ILogger logger, string backupPath, int count);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Applied {Count} migration(s) on {Provider}")]
    public static partial void MigrationsApplied(ILogger logger, int count, string provider);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Purged {Count} record(s) of type {Type} from recycle bins")]
    public static partial void RecycleBinPurged(ILogger logger, int count, string type);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Error, Message = "Unhandled exception answered as 500 (trace {TraceId})")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string traceId);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "Demo tenant '{TenantName}' loaded with {Accounts} accounts and {Contacts} contacts")]
    public static partial void DemoLoaded(ILogger logger, string tenantName, int accounts, int contacts);
}
