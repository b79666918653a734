using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Retention;

/// <summary>
/// Keeps one record (and what hangs on it) from retention and erasure while a dispute, audit or authority needs it:
/// in force from <see cref="PlacedAt"/> until <see cref="ReleasedAt"/>.
/// </summary>
public sealed class LegalHold : TenantEntity
{
    private LegalHold() { } // For EF Core.

    public LegalHold(string recordType, Guid recordId, string reason, Guid? placedBy, DateTimeOffset placedAt)
    {
        RecordType = recordType;
        RecordId = recordId;
        Reason = reason;
        PlacedBy = placedBy;
        PlacedAt = placedAt;
    }

    /// <summary>The held record's <see cref="Records.RecordRef.Type"/> (<c>contact</c>, <c>lead</c>, <c>user</c> …).</summary>
    public string RecordType { get; private set; } = "";

    public Guid RecordId { get; private set; }

    /// <summary>Why the record is held (case number, authority's request …).</summary>
    public string Reason { get; private set; } = "";

    public Guid? PlacedBy { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public Guid? ReleasedBy { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }

    /// <summary>Whether the hold still protects its record.</summary>
    public bool InForce => ReleasedAt is null;

    /// <summary>Ends the hold; the record is subject to retention and erasure again.</summary>
    public void Release(Guid? actor, DateTimeOffset now)
    {
        ReleasedBy = actor;
        ReleasedAt = now;
    }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public const int MaxReasonLength = 500;

    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.ToTable("LegalHolds");
        builder.Property(h => h.RecordType).HasMaxLength(40);
        builder.Property(h => h.Reason).HasMaxLength(MaxReasonLength);
        builder.Ignore(h => h.InForce);
        builder.HasIndex(h => new { h.TenantId, h.RecordType, h.RecordId });
    }
}
