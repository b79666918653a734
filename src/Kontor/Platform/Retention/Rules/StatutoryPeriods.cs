using System.Linq.Expressions;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Retention.Rules;

/// <summary>A kind of record the law makes a business keep, with its default period and the law that sets it.</summary>
/// <param name="Key">The key in settings and reports (<c>order</c>, <c>quote-sent</c> …).</param>
/// <param name="Years">Default years, counted from the end of the calendar year of the record's date.</param>
/// <param name="LegalBasis">The provisions that set the period.</param>
/// <param name="Description">What counts as such a record and which date starts the period.</param>
public sealed record StatutoryRecordType(string Key, int Years, string LegalBasis, string Description);

/// <summary>
/// How long commercial and tax records must be kept (German law by default), per record type and tenant. A period
/// starts at the end of the calendar year in which the record's date falls (§147 (4) AO, §257 (5) HGB) and runs for
/// whole years, so a record may go on 1 January of the year after the last year of its period. Calendar years are
/// counted in German time (Europe/Berlin). A source never removes a record whose period still runs.
/// </summary>
public sealed class StatutoryPeriods
{
    public const string Order = "order";
    public const string QuoteOrdered = "quote-ordered";
    public const string QuoteSent = "quote-sent";
    public const int MaxYears = 30;

    private static readonly TimeZoneInfo LegalCalendar = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly Dictionary<string, int> years;

    public StatutoryPeriods(IReadOnlyDictionary<string, int> overrides)
    {
        years = Types.ToDictionary(t => t.Key, t => overrides.TryGetValue(t.Key, out var y) ? y : t.Years, StringComparer.Ordinal);
    }

    /// <summary>The record types with a statutory period and their defaults.</summary>
    public static IReadOnlyList<StatutoryRecordType> Types { get; } =
    [
        new(Order, 10, "§147 (1) Nr. 1, 4 and (3) AO; §257 (1) Nr. 1, 4 and (4) HGB",
            "Orders, as records of the books and accounting vouchers. Counted from the order date."),
        new(QuoteOrdered, 10, "§147 (1) Nr. 4 and (3) AO; §257 (1) Nr. 4 and (4) HGB",
            "Quotes that became an order, as part of the order's vouchers. Counted from when the quote was sent (or answered)."),
        new(QuoteSent, 6, "§147 (1) Nr. 2, 3 and (3) AO; §257 (1) Nr. 2, 3 and (4) HGB",
            "Sent quotes that did not become an order, as commercial letters. Counted from when the quote was sent."),
    ];

    /// <summary>The defaults, for tenants whose administrators changed nothing.</summary>
    public static StatutoryPeriods Default { get; } = new(new Dictionary<string, int>());

    public static bool IsKnown(string key) => Types.Any(t => t.Key == key);

    /// <summary>Years for a record type; 0 when the type has no statutory period.</summary>
    public int YearsOf(string key) => years.GetValueOrDefault(key);

    /// <summary>
    /// The first instant a record dated at or after it is still inside its period: 1 January (German time) of the current
    /// year minus the period's years. A record dated before may go.
    /// </summary>
    public DateTimeOffset CutoffOf(string key, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, LegalCalendar);
        var start = new DateTime(local.Year - YearsOf(key), 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(start, LegalCalendar.GetUtcOffset(start)).ToUniversalTime();
    }

    /// <summary>The same cutoff for records dated by a calendar date (an order date).</summary>
    public DateOnly CutoffDateOf(string key, DateTimeOffset now) =>
        new(TimeZoneInfo.ConvertTime(now, LegalCalendar).Year - YearsOf(key), 1, 1);

    /// <summary>The first day a record dated <paramref name="date"/> may go: 1 January after the period's last year.</summary>
    public DateOnly FreeFrom(string key, DateOnly date) => new(date.Year + YearsOf(key) + 1, 1, 1);

    /// <summary>The tenant's periods: the defaults with the administrators' changes.</summary>
    public static async Task<StatutoryPeriods> LoadAsync(KontorDb db, CancellationToken ct) =>
        new(await db.StatutoryPeriodSettings.AsNoTracking().ToDictionaryAsync(p => p.RecordType, p => p.Years, StringComparer.Ordinal, ct));
}

/// <summary>A tenant's own statutory period for one record type, replacing the default.</summary>
public sealed class StatutoryPeriodSetting : TenantEntity
{
    private StatutoryPeriodSetting() { } // For EF Core.

    public StatutoryPeriodSetting(string recordType, int years)
    {
        RecordType = recordType;
        Years = years;
    }

    /// <summary>A <see cref="StatutoryRecordType.Key"/>.</summary>
    public string RecordType { get; private set; } = "";

    public int Years { get; set; }
}

internal sealed class StatutoryPeriodSettingConfiguration : IEntityTypeConfiguration<StatutoryPeriodSetting>
{
    public void Configure(EntityTypeBuilder<StatutoryPeriodSetting> builder)
    {
        builder.ToTable("StatutoryPeriods");
        builder.Property(p => p.RecordType).HasMaxLength(40);
        builder.HasIndex(p => new { p.TenantId, p.RecordType }).IsUnique();
    }
}

/// <summary>
/// Records of one type that are still inside their statutory period. A module registers one per record type it owns
/// that the law makes the business keep (<c>services.AddSingleton&lt;IStatutoryRecords, QuoteStatutoryRecords&gt;()</c>);
/// retention and erasure leave those records alone.
/// </summary>
public interface IStatutoryRecords
{
    /// <summary>The records' <see cref="Records.RecordRef.Type"/> (<c>quote</c>, <c>order</c>).</summary>
    string RecordType { get; }

    /// <summary>Ids of the records (also those in the recycle bin) whose period has not ended at <paramref name="now"/>.</summary>
    IQueryable<Guid> KeptIds(KontorDb db, StatutoryPeriods periods, DateTimeOffset now);
}

/// <summary>The registered <see cref="IStatutoryRecords"/> and the legal holds: what no retention or erasure may remove.</summary>
public sealed class ProtectedRecords(IEnumerable<IStatutoryRecords> statutory)
{
    private readonly Dictionary<string, IStatutoryRecords> byType = statutory.ToDictionary(s => s.RecordType, StringComparer.Ordinal);

    /// <summary>Ids of records of <paramref name="recordType"/> inside their statutory period; null when the type has none.</summary>
    public IQueryable<Guid>? StatutoryIds(KontorDb db, string recordType, StatutoryPeriods periods, DateTimeOffset now) =>
        byType.TryGetValue(recordType, out var source) ? source.KeptIds(db, periods, now) : null;

    /// <summary>Keeps the records of <paramref name="recordType"/> that may go: no legal hold in force, no statutory period running.</summary>
    public IQueryable<T> Removable<T>(IQueryable<T> records, KontorDb db, string recordType, StatutoryPeriods periods, DateTimeOffset now)
        where T : IHasId
    {
        records = records.Where(NotIn<T>(LegalHolds.HeldIds(db, recordType)));
        return StatutoryIds(db, recordType, periods, now) is { } kept ? records.Where(NotIn<T>(kept)) : records;
    }

    /// <summary>Keeps the records of <paramref name="recordType"/> that a legal hold or a statutory period protects, so a source can count them as held.</summary>
    public IQueryable<T> Protected<T>(IQueryable<T> records, KontorDb db, string recordType, StatutoryPeriods periods, DateTimeOffset now)
        where T : IHasId
    {
        var held = LegalHolds.HeldIds(db, recordType);
        return StatutoryIds(db, recordType, periods, now) is { } kept
            ? records.Where(In<T>(held.Concat(kept)))
            : records.Where(In<T>(held));
    }

    // row => ids.Contains(row.Id) on the entity's own Id property: EF Core cannot always translate it through IHasId.
    private static Expression<Func<T, bool>> In<T>(IQueryable<Guid> ids)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], ids.Expression, Expression.Property(row, nameof(IHasId.Id)));
        return Expression.Lambda<Func<T, bool>>(contains, row);
    }

    private static Expression<Func<T, bool>> NotIn<T>(IQueryable<Guid> ids)
    {
        var inIds = In<T>(ids);
        return Expression.Lambda<Func<T, bool>>(Expression.Not(inIds.Body), inIds.Parameters);
    }
}
