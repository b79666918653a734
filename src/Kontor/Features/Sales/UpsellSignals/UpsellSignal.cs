using Kontor.Platform.Data;

namespace Kontor.Features.Sales.UpsellSignals;

/// <summary>The fate of an upsell signal.</summary>
public enum UpsellSignalStatus
{
    /// <summary>Raised; the field owner has not decided yet.</summary>
    Open,

    /// <summary>The owner works the opportunity.</summary>
    Accepted,

    /// <summary>The owner turned it into business (a quote, an order, a won deal).</summary>
    Converted,

    /// <summary>The owner turned it down, with a reason; the opportunity is closed as lost.</summary>
    Rejected,
}

/// <summary>
/// A need an inside-sales user heard on the phone ("asks about the bigger machine"), handed to the account's field owner
/// as an opportunity with a follow-up task; its fate stays visible to the one who raised it.
/// </summary>
public sealed class UpsellSignal : TenantEntity
{
    public const int DescriptionLength = 2000;
    public const int ReasonLength = 500;

    private UpsellSignal() { } // For EF Core.

    public UpsellSignal(Guid accountId, string description, Guid? callId, Guid raisedBy, Guid ownerId, Guid opportunityId, Guid taskId, DateOnly dueOn, DateTimeOffset now)
    {
        AccountId = accountId;
        Description = description;
        CallId = callId;
        RaisedBy = raisedBy;
        OwnerId = ownerId;
        OpportunityId = opportunityId;
        TaskId = taskId;
        DueOn = dueOn;
        RaisedAt = now;
    }

    public Guid AccountId { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>The logged call the need came up in, if any.</summary>
    public Guid? CallId { get; private set; }

    /// <summary>The inside-sales user who raised the signal; they always see its fate.</summary>
    public Guid RaisedBy { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>The account's field owner when the signal was raised: the opportunity's owner and the one who decides.</summary>
    public Guid OwnerId { get; private set; }

    public Guid OpportunityId { get; private set; }

    /// <summary>The owner's follow-up task.</summary>
    public Guid TaskId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public UpsellSignalStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }

    public void Decide(UpsellSignalStatus status, string? reason, Guid? actor, DateTimeOffset now)
    {
        Status = status;
        RejectionReason = status == UpsellSignalStatus.Rejected ? reason : null;
        DecidedAt = now;
        DecidedBy = actor;
    }
}
