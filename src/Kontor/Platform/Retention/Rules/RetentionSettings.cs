using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Retention.Rules;

/// <summary>What a customer-data rule does with a record that is due.</summary>
public enum RetentionAction
{
    /// <summary>The record's personal data is removed and the row stays for statistics.</summary>
    Anonymise,

    /// <summary>The record is purged with everything attached to it.</summary>
    Delete,
}

/// <summary>The customer-data rules of a tenant as the retention job applies them (see docs/retention.md for every default).</summary>
/// <param name="StaleLeadsEnabled">Whether leads not converted within <paramref name="StaleLeadMonths"/> of their last change are removed.</param>
/// <param name="StaleLeadMonths">Months after a lead's last change (its own or an activity's) until the rule applies.</param>
/// <param name="StaleLeadAction">Whether stale leads are anonymised or purged.</param>
/// <param name="RecycleBinEnabled">Whether records in the recycle bin are purged after <paramref name="RecycleBinDays"/>.</param>
/// <param name="RecycleBinDays">Days a deleted record stays restorable in the recycle bin.</param>
public sealed record RetentionRules(
    bool StaleLeadsEnabled,
    int StaleLeadMonths,
    RetentionAction StaleLeadAction,
    bool RecycleBinEnabled,
    int RecycleBinDays)
{
    public const int MinStaleLeadMonths = 1;
    public const int MaxStaleLeadMonths = 120;
    public const int MinRecycleBinDays = 1;
    public const int MaxRecycleBinDays = 3650;

    /// <summary>
    /// Off for leads (removing prospects is the organisation's decision, not the software's); the recycle bin purge is on
    /// after 30 days, as it was before it became a rule.
    /// </summary>
    public static RetentionRules Default { get; } = new(false, 24, RetentionAction.Anonymise, true, RecycleBin.RetentionDays);

    /// <summary>The tenant's rules, or <see cref="Default"/> when an administrator never changed them.</summary>
    public static async Task<RetentionRules> LoadAsync(KontorDb db, CancellationToken ct) =>
        await db.RetentionSettings.AsNoTracking()
            .Select(s => new RetentionRules(s.StaleLeadsEnabled, s.StaleLeadMonths, s.StaleLeadAction, s.RecycleBinEnabled, s.RecycleBinDays))
            .FirstOrDefaultAsync(ct)
        ?? Default;
}

/// <summary>A tenant's customer-data retention rules, one row per tenant once an administrator saved them.</summary>
public sealed class RetentionSettings : TenantEntity
{
    public bool StaleLeadsEnabled { get; private set; }
    public int StaleLeadMonths { get; private set; }
    public RetentionAction StaleLeadAction { get; private set; }
    public bool RecycleBinEnabled { get; private set; }
    public int RecycleBinDays { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? UpdatedBy { get; private set; }

    public void Apply(RetentionRules rules, Guid? actor, DateTimeOffset now)
    {
        StaleLeadsEnabled = rules.StaleLeadsEnabled;
        StaleLeadMonths = rules.StaleLeadMonths;
        StaleLeadAction = rules.StaleLeadAction;
        RecycleBinEnabled = rules.RecycleBinEnabled;
        RecycleBinDays = rules.RecycleBinDays;
        UpdatedAt = now;
        UpdatedBy = actor;
    }
}

internal sealed class RetentionSettingsConfiguration : IEntityTypeConfiguration<RetentionSettings>
{
    public void Configure(EntityTypeBuilder<RetentionSettings> builder)
    {
        builder.ToTable("RetentionSettings");
        builder.HasIndex(s => s.TenantId).IsUnique();
    }
}
