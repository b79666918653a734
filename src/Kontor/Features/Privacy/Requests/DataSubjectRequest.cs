using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Records;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Privacy.Requests;

/// <summary>The right a data subject exercises (GDPR Art. 15–21).</summary>
public enum DataSubjectRequestKind
{
    /// <summary>Art. 15 and 20: a copy of everything stored about the person.</summary>
    Access,

    /// <summary>Art. 17: remove the person's data.</summary>
    Erasure,

    /// <summary>Art. 16: correct wrong data.</summary>
    Rectification,

    /// <summary>Art. 18: keep the data but stop processing it.</summary>
    Restriction,

    /// <summary>Art. 21: object to processing, e.g. to direct marketing.</summary>
    Objection,
}

/// <summary>How the request reached the organisation.</summary>
public enum DataSubjectRequestChannel
{
    Email,
    Letter,
    Phone,
    WebForm,
    InPerson,
    Other,
}

/// <summary>Where a data-subject request stands.</summary>
public enum DataSubjectRequestStatus
{
    Open,
    InProgress,
    Completed,
    Refused,
}

/// <summary>
/// One request of a contact, lead or employee to exercise a GDPR right, with the one-month answer period of Art. 12(3)
/// (extendable by two further months with a reason). Holds ids and dates only, so it outlives the erasure it proves.
/// </summary>
public sealed class DataSubjectRequest : TenantEntity
{
    /// <summary>The most Art. 12(3) allows on top of the first month.</summary>
    public const int MaxExtensionMonths = 2;

    public const int MaxReasonLength = 1000;

    private DataSubjectRequest() { } // For EF Core.

    public DataSubjectRequest(RecordRef subject, DataSubjectRequestKind kind, DataSubjectRequestChannel channel, DateTimeOffset receivedAt, Guid? recordedBy, DateTimeOffset now)
    {
        SubjectType = subject.Type;
        SubjectId = subject.Id;
        Kind = kind;
        Channel = channel;
        ReceivedAt = receivedAt;
        DueAt = receivedAt.AddMonths(1);
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    /// <summary><c>contact</c>, <c>lead</c> or <c>employee</c> (a user).</summary>
    public string SubjectType { get; private set; } = "";

    public Guid SubjectId { get; private set; }
    public DataSubjectRequestKind Kind { get; private set; }
    public DataSubjectRequestChannel Channel { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>One month after receipt, plus the extension.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public int ExtensionMonths { get; private set; }

    /// <summary>Why the period was extended (complexity, number of requests); told to the person.</summary>
    public string? ExtensionReason { get; private set; }

    public DataSubjectRequestStatus Status { get; private set; }

    /// <summary>Why the request was refused (Art. 12(4)), e.g. a statutory retention duty.</summary>
    public string? RefusalReason { get; private set; }

    public Guid? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Who last moved the request on.</summary>
    public Guid? HandledBy { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public RecordRef Subject => new(SubjectType, SubjectId);

    public bool IsClosed => Status is DataSubjectRequestStatus.Completed or DataSubjectRequestStatus.Refused;

    public bool IsOverdue(DateTimeOffset now) => !IsClosed && DueAt < now;

    /// <summary>Moves the request on; a closed request stays closed.</summary>
    public void SetStatus(DataSubjectRequestStatus status, string? reason, Guid? actor, DateTimeOffset now)
    {
        if (IsClosed)
        {
            throw new BusinessRuleException(PrivacyText.Message("This request is closed; record a new request instead."));
        }

        if (status == DataSubjectRequestStatus.Refused && string.IsNullOrWhiteSpace(reason))
        {
            throw RequestValidationException.For("reason", PrivacyText.Message("Give the reason for the refusal; the person must be told why (Art. 12(4))."));
        }

        Status = status;
        RefusalReason = status == DataSubjectRequestStatus.Refused ? reason!.Trim() : null;
        HandledBy = actor;
        CompletedAt = IsClosed ? now : null;
    }

    /// <summary>Extends the period by up to two further months in total (Art. 12(3)), with the reason.</summary>
    public void Extend(int months, string reason, Guid? actor)
    {
        if (IsClosed)
        {
            throw new BusinessRuleException(PrivacyText.Message("This request is closed; record a new request instead."));
        }

        if (months < 1 || ExtensionMonths + months > MaxExtensionMonths)
        {
            throw RequestValidationException.For("months", PrivacyText.Message("The period can be extended by at most two further months in total."));
        }

        ExtensionMonths += months;
        ExtensionReason = reason.Trim();
        DueAt = ReceivedAt.AddMonths(1 + ExtensionMonths);
        HandledBy = actor;
    }
}

internal sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> builder)
    {
        builder.ToTable("DataSubjectRequests");
        builder.Property(r => r.SubjectType).HasMaxLength(40);
        builder.Property(r => r.ExtensionReason).HasMaxLength(DataSubjectRequest.MaxReasonLength);
        builder.Property(r => r.RefusalReason).HasMaxLength(DataSubjectRequest.MaxReasonLength);
        builder.Ignore(r => r.Subject);
        builder.Ignore(r => r.IsClosed);
        builder.HasIndex(r => new { r.TenantId, r.Status, r.DueAt });
        builder.HasIndex(r => new { r.TenantId, r.SubjectType, r.SubjectId });
    }
}
