using Kontor.Platform.Agreement;
using Kontor.Platform.Agreement.Gate;
using Kontor.Platform.Retention;

namespace Kontor.Platform.Audit.Redaction;

/// <summary>
/// Retention of the works agreement's <c>access-log</c>: access entries (who read whose employee data) lose the reader's
/// and the subject's id once the category's period is over; category, purpose, time and channel stay for statistics.
/// </summary>
internal sealed class AccessLogRetention : IRetentionSource
{
    public string Key => EmployeeDataCategories.AccessLog.Key;

    public async Task<RetentionOutcome> ApplyAsync(RetentionContext context, CancellationToken ct)
    {
        var audit = await AuditRedaction.RunAsync(
            context, EmployeeDataCategories.AccessLog, e => e.Action == AuditAction.Access && e.RecordType == EmployeeDataGate.SubjectType, ct);
        return new RetentionOutcome(Key, Deleted: 0, Anonymised: audit.Redacted, Held: audit.Held + audit.FormatV1, audit.Items);
    }
}
