using System.Globalization;
using System.Text.Json;
using Kontor.Platform.Agreement.Gate;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Agreement.AccessLog;

/// <summary>
/// One read of a person's individual employee data: who read whose data of which category, for which purpose, when and
/// how. When access-log retention has removed reader and subject (<see cref="Redacted"/>), both ids are null and both names empty.
/// </summary>
public sealed record DataAccessResponse(
    long Sequence,
    DateTimeOffset At,
    Guid? ReaderId,
    string ReaderName,
    Guid? SubjectId,
    string SubjectName,
    string Category,
    string CategoryTitle,
    string? Purpose,
    Channel Channel,
    bool Redacted = false);

/// <summary>Reading access entries out of the audit log, for the person's own page and the works council's log.</summary>
internal static class DataAccessEntries
{
    /// <summary>Newest first; the sequence alone orders a tenant's log.</summary>
    private static readonly KeysetSort<AuditEntry> NewestFirst = new KeysetSort<AuditEntry, long>
    {
        Name = "-sequence",
        Key = e => e.Sequence,
        Format = v => v.ToString(CultureInfo.InvariantCulture),
        Parse = v => long.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture),
    };

    /// <summary>Every access entry of the tenant.</summary>
    public static IQueryable<AuditEntry> All(KontorDb db) =>
        db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Access && e.RecordType == EmployeeDataGate.SubjectType);

    /// <summary>
    /// Entries of one category. The gate writes the detail as <c>{"category":"…","purpose":…}</c>, category first, so a
    /// prefix match finds them on both databases.
    /// </summary>
    public static IQueryable<AuditEntry> OfCategory(IQueryable<AuditEntry> entries, string category)
    {
        var prefix = $"{{\"category\":\"{category}\"";
        return entries.Where(e => e.Detail != null && e.Detail.StartsWith(prefix));
    }

    public static Task<Page<DataAccessResponse>> PageAsync(KontorDb db, IQueryable<AuditEntry> query, string? cursor, int? limit, CancellationToken ct) =>
        KeysetSorts.PageAsync<AuditEntry, DataAccessResponse>(query, NewestFirst, cursor, limit, ids => LoadAsync(db, ids, ct), ct);

    /// <summary>The category and purpose an access entry's detail names.</summary>
    public static (string Category, string? Purpose) Read(string? detail)
    {
        using var json = JsonDocument.Parse(detail ?? "{}");
        var root = json.RootElement;
        return (
            root.TryGetProperty("category", out var category) ? category.GetString() ?? "" : "",
            root.TryGetProperty("purpose", out var purpose) && purpose.ValueKind == JsonValueKind.String ? purpose.GetString() : null);
    }

    private static async Task<IReadOnlyList<DataAccessResponse>> LoadAsync(KontorDb db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var names = await UserNames.LoadAsync(db, entries.Values.SelectMany(e => new[] { e.ActorId, e.RecordId }).OfType<Guid>(), ct);
        return [.. ids.Where(entries.ContainsKey).Select(id => entries[id]).Select(e =>
        {
            var (category, purpose) = Read(e.Detail);
            return new DataAccessResponse(
                e.Sequence,
                e.At,
                e.ActorId,
                e.ActorId is { } reader ? names.GetValueOrDefault(reader, "") : "",
                e.RecordId,
                e.RecordId is { } subject ? names.GetValueOrDefault(subject, "") : "",
                category,
                EmployeeDataCategories.Find(category) is { } known ? AgreementMessages.Get(known.Title) : category,
                purpose,
                e.Channel,
                e.RedactedAt is not null);
        })];
    }
}
