using System.Text.Json;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Retention.Runs;

/// <summary>Where a retention run stands.</summary>
public enum RetentionRunStatus
{
    Running,

    /// <summary>Every source ran.</summary>
    Completed,

    /// <summary>At least one source failed; the others ran.</summary>
    Failed,

    /// <summary>The application stopped during the run; a later run found it and freed the tenant for new runs.</summary>
    Abandoned,
}

/// <summary>What one source did in a run, as the run report stores and shows it.</summary>
/// <param name="Source">The source's key.</param>
/// <param name="Deleted">Rows deleted (or, in a dry run, that would be).</param>
/// <param name="Anonymised">Rows anonymised (or that would be).</param>
/// <param name="Held">Rows due but kept for a legal hold or a statutory period.</param>
/// <param name="Items">The first <see cref="RetentionRun.MaxItemsPerSource"/> rows that went (or would go).</param>
/// <param name="MoreItems">How many rows went beyond those listed.</param>
/// <param name="Error">Why the source failed; null when it ran.</param>
public sealed record RetentionSourceReport(string Source, int Deleted, int Anonymised, int Held, IReadOnlyList<RetentionItem> Items, int MoreItems, string? Error);

/// <summary>One run of the retention job for one tenant: when, dry or not, who started it, and what each source did.</summary>
public sealed class RetentionRun : TenantEntity
{
    /// <summary>Value of <see cref="Lock"/> while the run goes; the unique index on (tenant, lock) admits one per tenant.</summary>
    internal const string Running = "running";

    /// <summary>The stored report lists at most this many rows per source; the counts are complete.</summary>
    public const int MaxItemsPerSource = 200;

    /// <summary>The trigger of scheduled runs.</summary>
    public const string Schedule = "schedule";

    /// <summary>A run that has not finished after this long is taken to have died with its application.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(6);

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    private RetentionRun() { } // For EF Core.

    public RetentionRun(bool dryRun, Guid? triggeredBy, DateTimeOffset startedAt)
    {
        DryRun = dryRun;
        TriggeredBy = triggeredBy;
        Trigger = triggeredBy is null ? Schedule : "user";
        StartedAt = startedAt;
        Status = RetentionRunStatus.Running;
        Lock = Running;
    }

    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public bool DryRun { get; private set; }

    /// <summary><c>schedule</c> for the daily job, <c>user</c> when someone started it (<see cref="TriggeredBy"/>).</summary>
    public string Trigger { get; private set; } = Schedule;

    public Guid? TriggeredBy { get; private set; }
    public RetentionRunStatus Status { get; private set; }
    public int Deleted { get; private set; }
    public int Anonymised { get; private set; }
    public int Held { get; private set; }

    /// <summary>The per-source reports as JSON (<see cref="RetentionSourceReport"/>).</summary>
    public string Report { get; private set; } = "[]";

    /// <summary><see cref="Running"/> while the run goes, null after.</summary>
    public string? Lock { get; private set; }

    public IReadOnlyList<RetentionSourceReport> Sources() =>
        JsonSerializer.Deserialize<List<RetentionSourceReport>>(Report, ReportJson) ?? [];

    public void Finish(IReadOnlyList<RetentionSourceReport> sources, DateTimeOffset now)
    {
        Report = JsonSerializer.Serialize(sources, ReportJson);
        Deleted = sources.Sum(s => s.Deleted);
        Anonymised = sources.Sum(s => s.Anonymised);
        Held = sources.Sum(s => s.Held);
        Status = sources.Any(s => s.Error is not null) ? RetentionRunStatus.Failed : RetentionRunStatus.Completed;
        FinishedAt = now;
        Lock = null;
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("RetentionRuns");
        builder.Property(r => r.Trigger).HasMaxLength(20);
        builder.Property(r => r.Lock).HasMaxLength(20);

        // Several NULLs are allowed by both databases, one "running" per tenant is not: the lock that keeps a second
        // instance (another node, a click during the nightly run) from running the same tenant at the same time.
        builder.HasIndex(r => new { r.TenantId, r.Lock }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.StartedAt });
    }
}
