using Kontor.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Privacy.Consents;

/// <summary>The legal basis of a processing purpose, GDPR Art. 6(1) (a)–(f).</summary>
public enum LegalBasis
{
    /// <summary>(a) the person consented.</summary>
    Consent,

    /// <summary>(b) needed for a contract with the person.</summary>
    Contract,

    /// <summary>(c) needed to meet a legal obligation.</summary>
    LegalObligation,

    /// <summary>(d) protects vital interests.</summary>
    VitalInterests,

    /// <summary>(e) a task in the public interest.</summary>
    PublicTask,

    /// <summary>(f) the organisation's legitimate interests (e.g. § 7(3) UWG mail to existing customers).</summary>
    LegitimateInterests,
}

/// <summary>Where a consent stands.</summary>
public enum ConsentStatus
{
    /// <summary>Recorded, waiting for the person to confirm by the link in the e-mail (double opt-in).</summary>
    Requested,

    Granted,
    Withdrawn,
}

/// <summary>How the consent (or its withdrawal) reached Kontor.</summary>
public enum ConsentSource
{
    WebForm,
    Import,
    Ui,
    Api,
    Phone,
}

/// <summary>
/// One consent (or other legal basis) of a contact for one purpose: recorded, for e-mail confirmed by double opt-in,
/// and perhaps withdrawn. A new consent after a withdrawal is a new row, so the rows of a contact and purpose are its history.
/// </summary>
public sealed class Consent : TenantEntity
{
    public const int MaxPurposeLength = 60;

    private Consent() { } // For EF Core.

    public Consent(Guid contactId, string purpose, LegalBasis legalBasis, ConsentSource source, Guid? recordedBy, DateTimeOffset now)
    {
        ContactId = contactId;
        Purpose = purpose;
        LegalBasis = legalBasis;
        Source = source;
        RecordedBy = recordedBy;
        RecordedAt = now;
        Status = ConsentStatus.Granted;
        GrantedAt = now;
    }

    public Guid ContactId { get; private set; }

    /// <summary>A key of <see cref="ConsentPurposes"/>, e.g. <c>email-marketing</c>.</summary>
    public string Purpose { get; private set; } = "";

    public LegalBasis LegalBasis { get; private set; }
    public ConsentStatus Status { get; private set; }
    public ConsentSource Source { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? GrantedAt { get; private set; }

    /// <summary>The address the confirmation message went to: what the person confirmed.</summary>
    [PersonalData]
    public string? ConfirmationSentTo { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the confirmation token; the token itself is only in the message.</summary>
    public string? TokenHash { get; private set; }

    public DateTimeOffset? TokenExpiresAt { get; private set; }

    /// <summary>When the person opened the link and confirmed; with <see cref="TokenHash"/> the proof of the double opt-in.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }
    public Guid? WithdrawnBy { get; private set; }
    public ConsentSource? WithdrawalSource { get; private set; }

    public bool IsCurrent => Status != ConsentStatus.Withdrawn;

    /// <summary>Starts a double opt-in: the consent waits for the person to confirm with the token sent to <paramref name="sentTo"/>.</summary>
    public void AwaitConfirmation(string sentTo, string tokenHash, DateTimeOffset expiresAt)
    {
        Status = ConsentStatus.Requested;
        GrantedAt = null;
        ConfirmationSentTo = sentTo;
        TokenHash = tokenHash;
        TokenExpiresAt = expiresAt;
    }

    /// <summary>The person confirmed: granted from now on; the token cannot be used again.</summary>
    public void Confirm(DateTimeOffset now)
    {
        Status = ConsentStatus.Granted;
        GrantedAt = now;
        ConfirmedAt = now;
        TokenExpiresAt = null;
    }

    public void Withdraw(Guid? actor, ConsentSource source, DateTimeOffset now)
    {
        Status = ConsentStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawnBy = actor;
        WithdrawalSource = source;
        TokenExpiresAt = null;
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("Consents");
        builder.Property(c => c.Purpose).HasMaxLength(Consent.MaxPurposeLength);
        builder.Property(c => c.ConfirmationSentTo).HasMaxLength(320);
        builder.Property(c => c.TokenHash).HasMaxLength(64);
        builder.Ignore(c => c.IsCurrent);
        builder.HasIndex(c => new { c.TenantId, c.ContactId, c.Purpose, c.RecordedAt });
        builder.HasIndex(c => new { c.TenantId, c.TokenHash }).IsUnique();
    }
}
