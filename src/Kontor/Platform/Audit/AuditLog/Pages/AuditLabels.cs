using Kontor.Platform.Identity;

namespace Kontor.Platform.Audit.AuditLog.Pages;

/// <summary>The English texts (keys of <c>AuditText</c>) the audit log page shows for stored names.</summary>
internal static class AuditLabels
{
    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Create => "Created",
        AuditAction.Update => "Changed",
        AuditAction.Delete => "Moved to recycle bin",
        AuditAction.Restore => "Restored",
        AuditAction.Purge => "Purged",
        AuditAction.Merge => "Merged",
        AuditAction.Export => "Exported",
        AuditAction.Import => "Imported",
        AuditAction.Login => "Signed in",
        AuditAction.LoginFailed => "Sign-in failed",
        AuditAction.Logout => "Signed out",
        AuditAction.PermissionChange => "Permissions changed",
        AuditAction.Propose => "Proposed",
        AuditAction.Approve => "Approved",
        AuditAction.Reject => "Rejected",
        AuditAction.Withdraw => "Withdrawn",
        AuditAction.Access => "Read employee data",
        AuditAction.Redact => "Personal data removed after retention",
        AuditAction.Retention => "Retention run",
        AuditAction.Hold => "Legal hold placed",
        AuditAction.Release => "Legal hold released",
        _ => action.ToString(),
    };

    public static string Channel(Channel channel) => channel switch
    {
        Identity.Channel.Ui => "Web UI",
        Identity.Channel.Api => "API",
        Identity.Channel.Import => "Import",
        Identity.Channel.System => "System",
        _ => channel.ToString(),
    };

    public static string Reason(AuditBreak? reason) => reason switch
    {
        AuditBreak.HashMismatch => "The entry's hash does not match its content: the entry was changed.",
        AuditBreak.SequenceGap => "The entry is missing: it was deleted.",
        AuditBreak.PreviousHashMismatch => "The entry does not point to the entry before it: an earlier entry was changed or replaced.",
        AuditBreak.UncoveredRedaction => "Personal data was removed from the entry without a redaction record that counts it.",
        null or _ => "",
    };
}
