using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Audit;

/// <summary>What an audit entry records. The names are part of the hash format: never rename a member.</summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
    Restore,
    Purge,
    Merge,
    Export,
    Import,
    Login,
    LoginFailed,
    Logout,
    PermissionChange,
    Propose,
    Approve,
    Reject,
    Withdraw,
    Access,

    /// <summary>A retention run removed the person-identifying fields of earlier entries (ADR 0028).</summary>
    Redact,
    Retention,
    Hold,
    Release,
}

/// <summary>Who acted: a signed-in user, a personal access token (of <see cref="AuditEntry.ActorId"/>) or the system.</summary>
public enum ActorKind
{
    System,
    User,
    Token,
}

/// <summary>
/// One entry of a tenant's append-only audit log, chained to the entry before it by <see cref="PreviousHash"/>
/// and sealed by <see cref="Hash"/> (see <see cref="AuditChain"/>). Holds ids, field names and counts, never
/// personal data in clear, so it can outlive the erasure of the records it names. The ids that name a person enter
/// the hash through <see cref="PersonalDigest"/>, so retention can remove them later without breaking the chain (ADR 0028).
/// </summary>
public sealed class AuditEntry : TenantEntity
{
    private AuditEntry() { } // For EF Core.

    internal AuditEntry(Guid tenantId, AuditAction action, string? recordType, Guid? recordId, string? detail, Guid? actorId, ActorKind actorKind, Channel channel)
    {
        TenantId = tenantId;
        Action = action;
        RecordType = recordType;
        RecordId = recordId;
        Detail = detail;
        ActorId = actorId;
        ActorKind = actorKind;
        Channel = channel;
    }

    /// <summary>1, 2, 3 … per tenant, without gaps; assigned when the entry is saved.</summary>
    public long Sequence { get; private set; }

    /// <summary>When the entry was chained, to the microsecond.</summary>
    public DateTimeOffset At { get; private set; }

    public Guid? ActorId { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public Channel Channel { get; private set; }
    public AuditAction Action { get; private set; }

    /// <summary>The record's <see cref="Records.RecordRef.Type"/> (<c>account</c>, <c>user</c>, …), or what was exported or imported.</summary>
    public string? RecordType { get; private set; }

    public Guid? RecordId { get; private set; }

    /// <summary>Compact JSON with ids, field names and counts.</summary>
    public string? Detail { get; private set; }

    /// <summary>The <see cref="Hash"/> of the tenant's previous entry; <see cref="AuditChain.Genesis"/> for the first.</summary>
    public string PreviousHash { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of <see cref="AuditChain.Canonical"/>.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>Random per-entry salt (32 hex digits) of <see cref="PersonalDigest"/>; removed with the person's fields on redaction.</summary>
    public string? PersonalSalt { get; private set; }

    /// <summary>
    /// SHA-256 over the salt and the person-identifying fields (<see cref="AuditChain.PersonalDigestOf"/>), which the hash
    /// covers instead of the fields; null for an entry of format v1, written before the digest existed.
    /// </summary>
    public string? PersonalDigest { get; private set; }

    /// <summary>When a retention run removed the entry's person-identifying fields; null while they are there.</summary>
    public DateTimeOffset? RedactedAt { get; private set; }

    /// <summary>The <see cref="Sequence"/> of the <see cref="AuditAction.Redact"/> entry that records the redaction.</summary>
    public long? RedactedBy { get; private set; }

    /// <summary>Links the entry behind the tenant's current head; called at save time under the tenant's chain lock.</summary>
    internal void Chain(long sequence, DateTimeOffset at, string previousHash)
    {
        Sequence = sequence;
        At = AuditChain.Truncate(at);
        PreviousHash = previousHash;
        PersonalSalt = AuditChain.NewSalt();
        PersonalDigest = AuditChain.PersonalDigestOf(this);
        Hash = AuditChain.ComputeHash(this);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string Table = "AuditEntries";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(Table);
        builder.Property(e => e.RecordType).HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(AuditTrail.MaxDetailLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.PersonalSalt).HasMaxLength(32);
        builder.Property(e => e.PersonalDigest).HasMaxLength(64);

        // The unique sequence is the last line of defence against a forked chain.
        builder.HasIndex(e => new { e.TenantId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.TenantId, e.RecordType, e.RecordId });
        builder.HasIndex(e => new { e.TenantId, e.ActorId });
        builder.HasIndex(e => new { e.TenantId, e.At });
    }
}
