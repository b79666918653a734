using System.Globalization;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Agreement.AccessLog;

/// <summary>
/// How often one category was read for one purpose in the month, by how many readers about how many people; reads whose
/// reader and subject access-log retention removed count among the reads, not among readers and people.
/// </summary>
public sealed record ComplianceLine(string Category, string CategoryTitle, string? Purpose, int Reads, int Readers, int Subjects);

/// <summary>
/// A month under the works agreement: the versions in force during it, every individual read of employee data
/// grouped by category and purpose, and the agreement's changes (proposals, approvals, rejections, withdrawals).
/// </summary>
public sealed record ComplianceSummary(
    string Month,
    IReadOnlyList<int> VersionsInForce,
    bool StrictDefaultApplied,
    int Reads,
    IReadOnlyList<ComplianceLine> Lines,
    int AgreementChanges);

internal static class GetComplianceSummary
{
    /// <summary>The most access entries one summary reads; a month with more is refused rather than summed partly.</summary>
    public const int MaxEntries = 200_000;

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/access-log/summary", (string? month, KontorDb db, CurrentUser user, CancellationToken ct) => ExecuteAsync(month, db, user, ct))
            .WithName(nameof(GetComplianceSummary))
            .WithSummary("Monthly compliance summary of the works agreement")
            .WithDescription("month as yyyy-MM in UTC (default: the current month). Members of the works council only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<ComplianceSummary> ExecuteAsync(string? month, KontorDb db, CurrentUser user, CancellationToken ct)
    {
        ListAccessLog.RequireWorksCouncil(user);
        var now = db.Clock.GetUtcNow();
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        if (!string.IsNullOrWhiteSpace(month))
        {
            start = DateTime.TryParseExact(month.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? new DateTimeOffset(parsed, TimeSpan.Zero)
                : throw RequestValidationException.For("month", AgreementMessages.Get("Give the month as yyyy-MM, e.g. 2027-01."));
        }

        var end = start.AddMonths(1);
        var reads = await DataAccessEntries.All(db).Where(e => e.At >= start && e.At < end)
            .Select(e => new { e.ActorId, e.RecordId, e.Detail })
            .Take(MaxEntries + 1)
            .ToListAsync(ct);
        if (reads.Count > MaxEntries)
        {
            throw new BusinessRuleException(AgreementMessages.Format("The month has more than {0} reads; filter the access log instead.", MaxEntries));
        }

        var lines = reads
            .Select(r => (r.ActorId, r.RecordId, Detail: DataAccessEntries.Read(r.Detail)))
            .GroupBy(r => r.Detail)
            .Select(g => new ComplianceLine(
                g.Key.Category,
                EmployeeDataCategories.Find(g.Key.Category) is { } known ? AgreementMessages.Get(known.Title) : g.Key.Category,
                g.Key.Purpose,
                g.Count(),
                g.Select(r => r.ActorId).OfType<Guid>().Distinct().Count(),
                g.Select(r => r.RecordId).OfType<Guid>().Distinct().Count()))
            .OrderBy(l => l.Category, StringComparer.Ordinal)
            .ThenBy(l => l.Purpose, StringComparer.Ordinal)
            .ToList();

        var versions = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.InForceFrom != null && v.InForceFrom < end && (v.InForceUntil == null || v.InForceUntil >= start))
            .OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.InForceFrom })
            .ToListAsync(ct);
        var changes = await db.AuditEntries.AsNoTracking()
            .CountAsync(e => e.RecordType == AgreementModule.AuditRecordType && e.At >= start && e.At < end, ct);

        return new ComplianceSummary(
            start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            [.. versions.Select(v => v.Number)],
            StrictDefaultApplied: versions.Count == 0 || versions[0].InForceFrom > start,
            reads.Count,
            lines,
            changes);
    }
}
