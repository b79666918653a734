using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Audit;

/// <summary>
/// One change of one audited field of a record: old and new value as shown to people, who changed it, when and
/// through which channel. Written in the same transaction as the change; afterwards only a merge moves it and
/// change-history retention clears its author (ADR 0028).
/// </summary>
public sealed class FieldChange : TenantEntity
{
    public FieldChange(string recordType, Guid recordId, string field, string? oldValue, string? newValue, DateTimeOffset changedAt, Guid? changedBy, Channel channel)
    {
        RecordType = recordType;
        RecordId = recordId;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        ChangedAt = changedAt;
        ChangedBy = changedBy;
        Channel = channel;
    }

    /// <summary>The record's <see cref="Records.RecordRef.Type"/>.</summary>
    public string RecordType { get; private set; }

    public Guid RecordId { get; private set; }

    /// <summary>The property name, e.g. <c>Name</c> or <c>BillingAddress.City</c>.</summary>
    public string Field { get; private set; }

    [PersonalData]
    public string? OldValue { get; private set; }
    [PersonalData]
    public string? NewValue { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public Guid? ChangedBy { get; private set; }
    public Channel Channel { get; private set; }

    /// <summary>When change-history retention removed <see cref="ChangedBy"/>; null while the author is known (or it was the system).</summary>
    public DateTimeOffset? ChangedByRedactedAt { get; private set; }

    /// <summary>A merge moves the history of the merged record to the survivor.</summary>
    internal void MoveTo(Guid recordId) => RecordId = recordId;
}

internal sealed class FieldChangeConfiguration : IEntityTypeConfiguration<FieldChange>
{
    public void Configure(EntityTypeBuilder<FieldChange> builder)
    {
        builder.ToTable("FieldChanges");
        builder.Property(c => c.RecordType).HasMaxLength(40);
        builder.Property(c => c.Field).HasMaxLength(100);
        builder.Property(c => c.OldValue).HasMaxLength(4000);
        builder.Property(c => c.NewValue).HasMaxLength(4000);
        builder.HasIndex(c => new { c.TenantId, c.RecordType, c.RecordId, c.ChangedAt });
    }
}
