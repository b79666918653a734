using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Agreement;

/// <summary>Where a version of a tenant's works agreement stands.</summary>
public enum AgreementStatus
{
    /// <summary>Waiting for the approval of the employer (an administrator) and the works council.</summary>
    Proposed,

    /// <summary>Approved by both parties; the version that applies. At most one per tenant.</summary>
    InForce,

    /// <summary>Was in force until a later version was approved.</summary>
    Superseded,

    /// <summary>Refused by one of the parties, with a reason.</summary>
    Rejected,

    /// <summary>Taken back by an administrator before both parties approved it.</summary>
    Withdrawn,
}

/// <summary>
/// One version of a tenant's works agreement: the document as proposed, word for word, and who approved or
/// refused it when. Versions are never deleted or edited after the fact; a change is a new version (ADR 0022).
/// </summary>
public sealed class AgreementVersion : TenantEntity
{
    private AgreementVersion() { } // For EF Core.

    internal AgreementVersion(int number, string name, string text, string? comment, Guid proposedBy, DateTimeOffset now)
    {
        Number = number;
        Name = name;
        Text = text;
        Comment = comment;
        ProposedBy = proposedBy;
        ProposedAt = now;
        Status = AgreementStatus.Proposed;
    }

    /// <summary>1, 2, 3 … per tenant.</summary>
    public int Number { get; private set; }

    /// <summary>The document's <c>agreement</c> title.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The YAML exactly as proposed; what the parties approve.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The proposer's explanation of the change.</summary>
    public string? Comment { get; private set; }

    public AgreementStatus Status { get; private set; }
    public Guid ProposedBy { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public Guid? EmployerApprovedBy { get; private set; }
    public DateTimeOffset? EmployerApprovedAt { get; private set; }
    public Guid? WorksCouncilApprovedBy { get; private set; }
    public DateTimeOffset? WorksCouncilApprovedAt { get; private set; }

    /// <summary>Who rejected or withdrew the version.</summary>
    public Guid? ClosedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    /// <summary>When both approvals were complete.</summary>
    public DateTimeOffset? InForceFrom { get; private set; }

    /// <summary>When a later version replaced it.</summary>
    public DateTimeOffset? InForceUntil { get; private set; }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> version)
    {
        version.Property(v => v.Name).HasMaxLength(200);
        version.Property(v => v.Text).HasMaxLength(AgreementParser.MaxLength);
        version.Property(v => v.Comment).HasMaxLength(2000);
        version.Property(v => v.RejectionReason).HasMaxLength(2000);
        version.HasIndex(v => new { v.TenantId, v.Number }).IsUnique();

        // The database itself holds the rule of one version in force and one open proposal per tenant, so two
        // approvals or proposals racing each other cannot both win.
        version.HasIndex(v => new { v.TenantId, v.Status }).IsUnique().HasFilter("\"Status\" IN ('InForce', 'Proposed')");
    }
}
