using Kontor.Platform.Agreement;
using Kontor.Platform.Retention;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Audit.Redaction;

/// <summary>
/// Retention of the works agreement's <c>login-history</c>: sign-in, failed sign-in and sign-out entries of the audit log
/// lose the user's id, and personal access tokens forget when they were last used, once the category's period is over.
/// </summary>
internal sealed class LoginHistoryRetention : IRetentionSource
{
    public string Key => EmployeeDataCategories.LoginHistory.Key;

    public async Task<RetentionOutcome> ApplyAsync(RetentionContext context, CancellationToken ct)
    {
        var category = EmployeeDataCategories.LoginHistory;
        var audit = await AuditRedaction.RunAsync(
            context, category, e => e.Action == AuditAction.Login || e.Action == AuditAction.LoginFailed || e.Action == AuditAction.Logout, ct);

        var (before, period) = AuditRedaction.CutOff(context, category);
        var db = context.Db;
        var tenant = AuditRedaction.TenantOf(context);
        var heldUsers = db.LegalHolds.Where(h => h.TenantId == tenant && h.RecordType == "user" && h.ReleasedAt == null).Select(h => h.RecordId);
        var dueTokens = db.PersonalAccessTokens.Where(t => t.TenantId == tenant && t.LastUsedAt != null && t.LastUsedAt < before);
        var heldTokens = await dueTokens.CountAsync(t => heldUsers.Contains(t.UserId), ct);
        var tokens = dueTokens.Where(t => !heldUsers.Contains(t.UserId));
        var examples = await tokens.OrderBy(t => t.Id).Select(t => t.Id).Take(Math.Max(0, AuditRedaction.MaxItems - audit.Items.Count)).ToListAsync(ct);
        var forgotten = context.DryRun
            ? await tokens.CountAsync(ct)
            : await tokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, (DateTimeOffset?)null), ct);

        return new RetentionOutcome(
            Key,
            Deleted: 0,
            Anonymised: audit.Redacted + forgotten,
            Held: audit.Held + audit.FormatV1 + heldTokens,
            [.. audit.Items, .. examples.Select(id => new RetentionItem("personalAccessToken", id, $"last use older than {period}"))]);
    }
}
