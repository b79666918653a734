using Kontor.Features.Customers.Accounts;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Quotes;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Orders;

/// <summary>An order placed by accepting a quote: the quote's lines and totals, handed to the ERP, which writes back its order number and status.</summary>
public sealed class Order : RecordEntity
{
    private Order() { } // For EF Core.

    internal Order(Quote quote, long sequence, DateOnly orderDate)
    {
        QuoteId = quote.Id;
        QuoteNumber = quote.Number;
        OpportunityId = quote.OpportunityId;
        AccountId = quote.AccountId;
        Sequence = sequence;
        OrderDate = orderDate;
        Currency = quote.Currency;
        TaxCountry = quote.TaxCountry;
        DiscountPercent = quote.DiscountPercent;
        DiscountAmount = quote.DiscountAmount;
        Subtotal = quote.Subtotal;
        QuoteDiscount = quote.QuoteDiscount;
        NetTotal = quote.NetTotal;
        TaxTotal = quote.TaxTotal;
        GrossTotal = quote.GrossTotal;
        Lines.AddRange(quote.Lines.OrderBy(l => l.Position).Select(l => new OrderLine(Id, l)));
    }

    /// <summary>The accepted quote version; one order per quote.</summary>
    public Guid QuoteId { get; private set; }
    public string QuoteNumber { get; private set; } = "";
    public Guid OpportunityId { get; private set; }
    public Guid AccountId { get; private set; }

    /// <summary>The order's number within the tenant.</summary>
    public long Sequence { get; private set; }

    public string Number => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"O-{Sequence:D5}");

    public DateOnly OrderDate { get; private set; }
    public string Currency { get; private set; } = "EUR";
    public string TaxCountry { get; private set; } = "DE";
    public decimal? DiscountPercent { get; private set; }
    public long? DiscountAmount { get; private set; }
    public long Subtotal { get; private set; }
    public long QuoteDiscount { get; private set; }
    public long NetTotal { get; private set; }
    public long TaxTotal { get; private set; }
    public long GrossTotal { get; private set; }

    /// <summary>The order's number in the ERP, written back by the ERP integration.</summary>
    [Audited]
    public string? ErpOrderNumber { get; private set; }

    /// <summary>The ERP's status of the order (free text of the ERP, e.g. "confirmed", "shipped").</summary>
    [Audited]
    public string? ErpStatus { get; private set; }

    public DateTimeOffset? ErpUpdatedAt { get; private set; }

    public List<OrderLine> Lines { get; private set; } = [];

    internal void WriteBack(string? erpOrderNumber, string? erpStatus, DateTimeOffset now)
    {
        ErpOrderNumber = erpOrderNumber;
        ErpStatus = erpStatus;
        ErpUpdatedAt = now;
    }
}

/// <summary>A line of an order, copied from the accepted quote's line.</summary>
public sealed class OrderLine : PricedLine
{
    private OrderLine() { } // For EF Core.

    internal OrderLine(Guid orderId, QuoteLine line)
    {
        OrderId = orderId;
        CopyFrom(line);
    }

    public Guid OrderId { get; private set; }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("Orders");
        order.Ignore(o => o.Number);
        order.Property(o => o.QuoteNumber).HasMaxLength(20);
        order.Property(o => o.Currency).HasMaxLength(3);
        order.Property(o => o.TaxCountry).HasMaxLength(2);
        order.Property(o => o.DiscountPercent).HasPrecision(5, 2);
        order.Property(o => o.ErpOrderNumber).HasMaxLength(100);
        order.Property(o => o.ErpStatus).HasMaxLength(100);
        order.HasOne<Quote>().WithMany().HasForeignKey(o => o.QuoteId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Opportunity>().WithMany().HasForeignKey(o => o.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasIndex(o => new { o.TenantId, o.QuoteId }).IsUnique();
        order.HasIndex(o => new { o.TenantId, o.Sequence }).IsUnique();
        order.HasIndex(o => new { o.TenantId, o.OpportunityId });
        order.HasIndex(o => new { o.TenantId, o.CreatedAt, o.Id });
        order.HasIndex(o => new { o.TenantId, o.DeletedAt });
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.ToTable("OrderLines");
        PricedLineColumns.Configure(line);
        line.HasIndex(l => new { l.TenantId, l.OrderId, l.Position });
    }
}
