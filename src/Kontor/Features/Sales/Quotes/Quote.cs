using Kontor.Features.Customers.Accounts;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Products;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Quotes;

/// <summary>Where a quote stands: drafted, waiting for and given discount approval, with the customer, and the customer's answer or its expiry.</summary>
public enum QuoteStatus
{
    Draft,
    InApproval,
    Approved,
    Sent,
    Accepted,
    Rejected,
    Expired,
}

/// <summary>The product, quantity, price, discounts and calculated amounts of a quote or order line (all amounts in minor units).</summary>
public abstract class PricedLine : TenantEntity
{
    public int Position { get; protected set; }
    public Guid ProductId { get; protected set; }
    public string ProductCode { get; protected set; } = "";
    public string Description { get; protected set; } = "";
    public string Unit { get; protected set; } = "";
    public TaxClass TaxClass { get; protected set; }
    public decimal Quantity { get; protected set; }
    public long UnitPrice { get; protected set; }
    public decimal? DiscountPercent { get; protected set; }
    public long? DiscountAmount { get; protected set; }
    public long GrossAmount { get; protected set; }
    public long LineDiscount { get; protected set; }
    public long NetAmount { get; protected set; }

    /// <summary>This line's part of the quote discount (see ADR 0018).</summary>
    public long QuoteDiscountShare { get; protected set; }
    public long TaxableAmount { get; protected set; }
    public decimal TaxRatePercent { get; protected set; }
    public long TaxAmount { get; protected set; }

    /// <summary>Taxable amount plus tax.</summary>
    public long TotalAmount { get; protected set; }

    protected void CopyFrom(PricedLine other)
    {
        Position = other.Position;
        ProductId = other.ProductId;
        ProductCode = other.ProductCode;
        Description = other.Description;
        Unit = other.Unit;
        TaxClass = other.TaxClass;
        Quantity = other.Quantity;
        UnitPrice = other.UnitPrice;
        DiscountPercent = other.DiscountPercent;
        DiscountAmount = other.DiscountAmount;
        GrossAmount = other.GrossAmount;
        LineDiscount = other.LineDiscount;
        NetAmount = other.NetAmount;
        QuoteDiscountShare = other.QuoteDiscountShare;
        TaxableAmount = other.TaxableAmount;
        TaxRatePercent = other.TaxRatePercent;
        TaxAmount = other.TaxAmount;
        TotalAmount = other.TotalAmount;
    }

    internal void Apply(CalculatedLine calculated)
    {
        GrossAmount = calculated.GrossAmount;
        LineDiscount = calculated.LineDiscount;
        NetAmount = calculated.NetAmount;
        QuoteDiscountShare = calculated.QuoteDiscountShare;
        TaxableAmount = calculated.TaxableAmount;
        TaxRatePercent = calculated.TaxRatePercent;
        TaxAmount = calculated.TaxAmount;
        TotalAmount = calculated.TotalAmount;
    }
}

/// <summary>A line of a quote: a product at its list price, with the quantity and the line's discounts.</summary>
public sealed class QuoteLine : PricedLine
{
    private QuoteLine() { } // For EF Core.

    internal QuoteLine(Guid quoteId, int position, Product product, decimal quantity, long unitPrice, decimal? discountPercent, long? discountAmount, string? description)
    {
        QuoteId = quoteId;
        Position = position;
        ProductId = product.Id;
        ProductCode = product.Code;
        Description = description ?? product.Name;
        Unit = product.Unit;
        TaxClass = product.TaxClass;
        Quantity = quantity;
        UnitPrice = unitPrice;
        DiscountPercent = discountPercent;
        DiscountAmount = discountAmount;
    }

    /// <summary>A copy of <paramref name="line"/> for another version of the quote.</summary>
    internal QuoteLine(Guid quoteId, QuoteLine line)
    {
        QuoteId = quoteId;
        CopyFrom(line);
    }

    public Guid QuoteId { get; private set; }

    internal CalculatorLine ToCalculator(decimal taxRatePercent) => new(Quantity, UnitPrice, DiscountPercent, DiscountAmount, taxRatePercent);
}

/// <summary>
/// An offer to an opportunity's account: priced lines, discounts, tax and totals in the opportunity's currency. A quote
/// has versions sharing one number; only the current version changes, and only while it is a draft.
/// </summary>
public sealed class Quote : RecordEntity
{
    private Quote() { } // For EF Core.

    internal Quote(Guid opportunityId, Guid accountId, long sequence, int revision, string currency, string taxCountry, DateOnly quoteDate, DateOnly validUntil)
    {
        OpportunityId = opportunityId;
        AccountId = accountId;
        Sequence = sequence;
        Revision = revision;
        Currency = currency;
        TaxCountry = taxCountry;
        QuoteDate = quoteDate;
        ValidUntil = validUntil;
        Status = QuoteStatus.Draft;
        IsCurrent = true;
    }

    public Guid OpportunityId { get; private set; }
    public Guid AccountId { get; private set; }

    /// <summary>The quote's number within the tenant, shared by all its versions.</summary>
    public long Sequence { get; private set; }

    /// <summary>The version, from 1.</summary>
    public int Revision { get; private set; }

    /// <summary>False once a newer version exists; then this one is read-only.</summary>
    public bool IsCurrent { get; private set; }

    public string Number => FormatNumber(Sequence, Revision);

    [Audited]
    public QuoteStatus Status { get; private set; }

    /// <summary>ISO 4217 code, the opportunity's.</summary>
    public string Currency { get; private set; } = "EUR";

    /// <summary>ISO 3166 country whose tax rates apply: the account's billing country, else the tenant's.</summary>
    public string TaxCountry { get; private set; } = "DE";

    public DateOnly QuoteDate { get; private set; }

    [Audited]
    public DateOnly ValidUntil { get; private set; }

    [Audited]
    public decimal? DiscountPercent { get; private set; }

    [Audited]
    public long? DiscountAmount { get; private set; }

    public string? Notes { get; private set; }

    public long Subtotal { get; private set; }
    public long QuoteDiscount { get; private set; }
    public long NetTotal { get; private set; }
    public long TaxTotal { get; private set; }

    [Audited]
    public long GrossTotal { get; private set; }

    /// <summary>The largest discount of the quote in percent (see ADR 0018).</summary>
    public decimal MaxDiscountPercent { get; private set; }

    /// <summary>True when a discount exceeds the tenant's threshold: the quote needs approval before it is sent.</summary>
    public bool ApprovalRequired { get; private set; }

    /// <summary>Who must decide the approval request: the opportunity owner's manager; null means any administrator.</summary>
    public Guid? ApproverId { get; private set; }
    public DateTimeOffset? ApprovalRequestedAt { get; private set; }
    public Guid? ApprovalRequestedBy { get; private set; }
    public DateTimeOffset? ApprovalDecidedAt { get; private set; }
    public Guid? ApprovalDecidedBy { get; private set; }
    public string? ApprovalComment { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? RejectionReason { get; private set; }

    public List<QuoteLine> Lines { get; private set; } = [];

    /// <summary>True while the quote waits for something and its validity can run out.</summary>
    public bool IsOpen => Status is QuoteStatus.Draft or QuoteStatus.InApproval or QuoteStatus.Approved or QuoteStatus.Sent;

    public static string FormatNumber(long sequence, int revision) =>
        revision == 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Q-{sequence:D5}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Q-{sequence:D5}-{revision}");

    /// <summary>Replaces discounts, validity, notes and lines of a draft and stores the calculator's results.</summary>
    internal void Change(decimal? discountPercent, long? discountAmount, DateOnly validUntil, string? notes, List<QuoteLine> lines, QuoteCalculation result, decimal threshold)
    {
        RequireEditable();
        DiscountPercent = discountPercent;
        DiscountAmount = discountAmount;
        ValidUntil = validUntil;
        Notes = notes;
        Lines.Clear();
        Lines.AddRange(lines);
        Store(result, threshold);
    }

    internal void Store(QuoteCalculation result, decimal threshold)
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            Lines[i].Apply(result.Lines[i]);
        }

        Subtotal = result.Subtotal;
        QuoteDiscount = result.QuoteDiscount;
        NetTotal = result.NetTotal;
        TaxTotal = result.TaxTotal;
        GrossTotal = result.GrossTotal;
        MaxDiscountPercent = result.MaxDiscountPercent;
        ApprovalRequired = result.MaxDiscountPercent > threshold;
    }

    /// <summary>Marks an open quote whose validity has run out as expired; true when it did.</summary>
    internal bool ExpireIfDue(DateOnly today)
    {
        if (!IsOpen || ValidUntil >= today || !IsCurrent)
        {
            return false;
        }

        Status = QuoteStatus.Expired;
        return true;
    }

    internal void RequestApproval(Guid? approverId, Guid requestedBy, DateTimeOffset now)
    {
        RequireCurrent();
        RequireStatus(QuoteStatus.Draft, SalesMessages.Quote("Only a draft can be submitted for approval."));
        if (Lines.Count == 0)
        {
            throw new BusinessRuleException(SalesMessages.Quote("A quote without lines cannot be submitted for approval."));
        }

        if (!ApprovalRequired)
        {
            throw new BusinessRuleException(SalesMessages.Quote("No discount of this quote exceeds the approval threshold: it needs no approval and can be sent."));
        }

        Status = QuoteStatus.InApproval;
        ApproverId = approverId;
        ApprovalRequestedAt = now;
        ApprovalRequestedBy = requestedBy;
        ApprovalDecidedAt = null;
        ApprovalDecidedBy = null;
        ApprovalComment = null;
    }

    internal void Decide(bool approve, string? comment, Guid decidedBy, DateTimeOffset now)
    {
        RequireCurrent();
        RequireStatus(QuoteStatus.InApproval, SalesMessages.Quote("The quote is not waiting for approval."));
        Status = approve ? QuoteStatus.Approved : QuoteStatus.Draft;
        ApprovalDecidedAt = now;
        ApprovalDecidedBy = decidedBy;
        ApprovalComment = comment;
    }

    internal void MarkSent(DateTimeOffset now)
    {
        RequireCurrent();
        if (Lines.Count == 0)
        {
            throw new BusinessRuleException(SalesMessages.Quote("A quote without lines cannot be sent."));
        }

        if (Status == QuoteStatus.Draft && ApprovalRequired)
        {
            throw new BusinessRuleException(SalesMessages.Quote("A discount exceeds the approval threshold: the quote must be approved before it is sent."));
        }

        if (Status is not (QuoteStatus.Draft or QuoteStatus.Approved))
        {
            throw new BusinessRuleException(SalesMessages.Quote("A quote in status {0} cannot be sent.", SalesMessages.Quote(Status.ToString())));
        }

        Status = QuoteStatus.Sent;
        SentAt = now;
    }

    internal void Answer(bool accepted, string? reason, DateTimeOffset now)
    {
        RequireCurrent();
        RequireStatus(QuoteStatus.Sent, accepted ? SalesMessages.Quote("Only a sent quote can be accepted.") : SalesMessages.Quote("Only a sent quote can be rejected."));
        Status = accepted ? QuoteStatus.Accepted : QuoteStatus.Rejected;
        AnsweredAt = now;
        RejectionReason = accepted ? null : reason;
    }

    /// <summary>A new draft version with copies of the lines; this version becomes read-only.</summary>
    internal Quote NewVersion(DateOnly today, DateOnly validUntil)
    {
        RequireCurrent();
        if (Status == QuoteStatus.Accepted)
        {
            throw new BusinessRuleException(SalesMessages.Quote("The quote was accepted and became an order; it gets no new version."));
        }

        IsCurrent = false;
        var copy = new Quote(OpportunityId, AccountId, Sequence, Revision + 1, Currency, TaxCountry, today, validUntil)
        {
            DiscountPercent = DiscountPercent,
            DiscountAmount = DiscountAmount,
            Notes = Notes,
            Subtotal = Subtotal,
            QuoteDiscount = QuoteDiscount,
            NetTotal = NetTotal,
            TaxTotal = TaxTotal,
            GrossTotal = GrossTotal,
            MaxDiscountPercent = MaxDiscountPercent,
            ApprovalRequired = ApprovalRequired,
        };
        copy.Lines.AddRange(Lines.OrderBy(l => l.Position).Select(l => new QuoteLine(copy.Id, l)));
        return copy;
    }

    internal void RequireEditable()
    {
        RequireCurrent();
        RequireStatus(QuoteStatus.Draft, SalesMessages.Quote("Only a draft can be changed; create a new version to change this quote."));
    }

    private void RequireCurrent()
    {
        if (!IsCurrent)
        {
            throw new BusinessRuleException(SalesMessages.Quote("This is an old version of the quote; it is read-only."));
        }
    }

    private void RequireStatus(QuoteStatus status, string message)
    {
        if (Status != status)
        {
            throw new BusinessRuleException(message);
        }
    }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> quote)
    {
        quote.ToTable("Quotes");
        quote.Ignore(q => q.Number);
        quote.Ignore(q => q.IsOpen);
        quote.Property(q => q.Currency).HasMaxLength(3);
        quote.Property(q => q.TaxCountry).HasMaxLength(2);
        quote.Property(q => q.DiscountPercent).HasPrecision(5, 2);
        quote.Property(q => q.MaxDiscountPercent).HasPrecision(9, 4);
        quote.Property(q => q.Notes).HasMaxLength(4000);
        quote.Property(q => q.ApprovalComment).HasMaxLength(1000);
        quote.Property(q => q.RejectionReason).HasMaxLength(1000);
        quote.HasOne<Opportunity>().WithMany().HasForeignKey(q => q.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        quote.HasOne<Account>().WithMany().HasForeignKey(q => q.AccountId).OnDelete(DeleteBehavior.Restrict);
        quote.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuoteId).OnDelete(DeleteBehavior.Cascade);
        quote.HasIndex(q => new { q.TenantId, q.Sequence, q.Revision }).IsUnique();
        quote.HasIndex(q => new { q.TenantId, q.OpportunityId });
        quote.HasIndex(q => new { q.TenantId, q.CreatedAt, q.Id });
        quote.HasIndex(q => new { q.TenantId, q.ApproverId, q.Status });
        quote.HasIndex(q => new { q.TenantId, q.DeletedAt });
    }
}

internal sealed class QuoteLineConfiguration : IEntityTypeConfiguration<QuoteLine>
{
    public void Configure(EntityTypeBuilder<QuoteLine> line)
    {
        line.ToTable("QuoteLines");
        PricedLineColumns.Configure(line);
        line.HasIndex(l => new { l.TenantId, l.QuoteId, l.Position });
    }
}

/// <summary>Column sizes shared by quote and order lines.</summary>
internal static class PricedLineColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> line)
        where T : PricedLine
    {
        line.Property(l => l.ProductCode).HasMaxLength(50);
        line.Property(l => l.Description).HasMaxLength(500);
        line.Property(l => l.Unit).HasMaxLength(20);
        line.Property(l => l.Quantity).HasPrecision(18, 4);
        line.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        line.Property(l => l.TaxRatePercent).HasPrecision(5, 2);
        line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        line.HasIndex(l => new { l.TenantId, l.ProductId });
    }
}
