using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Events;

/// <summary>
/// A domain event waiting for delivery, written in the same transaction as the change it reports (the outbox). The
/// dispatcher that delivers events to webhooks comes with the integration module and sets <see cref="DispatchedAt"/>.
/// </summary>
public sealed class OutboxEvent : TenantEntity
{
    private OutboxEvent() { } // For EF Core.

    /// <summary>An event of <paramref name="type"/> (e.g. <c>sales.order.created</c>) about one record, with its JSON payload.</summary>
    public OutboxEvent(string type, string aggregateType, Guid aggregateId, string payload, DateTimeOffset createdAt)
    {
        Type = type;
        AggregateType = aggregateType;
        AggregateId = aggregateId;
        Payload = payload;
        CreatedAt = createdAt;
    }

    public string Type { get; private set; } = "";

    /// <summary>The kind of record the event is about, e.g. <c>order</c>.</summary>
    public string AggregateType { get; private set; } = "";
    public Guid AggregateId { get; private set; }

    /// <summary>The event's data as JSON (camelCase), self-contained so a receiver needs no callback.</summary>
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the event was delivered; null while it waits.</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }

    public void MarkDispatched(DateTimeOffset now) => DispatchedAt = now;
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> outbox)
    {
        outbox.ToTable("OutboxEvents");
        outbox.Property(e => e.Type).HasMaxLength(100);
        outbox.Property(e => e.AggregateType).HasMaxLength(50);
        outbox.HasIndex(e => new { e.TenantId, e.DispatchedAt, e.CreatedAt });
        outbox.HasIndex(e => new { e.TenantId, e.AggregateType, e.AggregateId });
    }
}
