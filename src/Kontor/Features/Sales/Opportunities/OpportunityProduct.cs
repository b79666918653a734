using Kontor.Features.Sales.Products;
using Kontor.Features.Sales.Quotes;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Opportunities;

/// <summary>
/// A product line of an opportunity: a product at its list price in the opportunity's currency, a quantity and a line
/// discount; the opportunity's amount is the sum of its lines' net amounts (docs/opportunities.md, ADR 0024).
/// </summary>
public sealed class OpportunityProduct : TenantEntity
{
    private OpportunityProduct() { } // For EF Core.

    internal OpportunityProduct(Guid opportunityId, int position, Product product, PriceFound price, decimal quantity, decimal? discountPercent, long? discountAmount, string? description)
    {
        OpportunityId = opportunityId;
        Position = position;
        ProductId = product.Id;
        ProductCode = product.Code;
        ProductName = product.Name;
        Unit = product.Unit;
        UnitPrice = price.UnitPrice;
        PriceListId = price.PriceListId;
        Change(quantity, discountPercent, discountAmount, description);
    }

    public Guid OpportunityId { get; private set; }

    /// <summary>The line's place in the list, from 1; quotes copy the lines in this order.</summary>
    public int Position { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>The product's code and name when the line was added, so a renamed product keeps the line readable as agreed.</summary>
    public string ProductCode { get; private set; } = "";

    public string ProductName { get; private set; } = "";

    /// <summary>The line's own text; the product's name is shown when there is none.</summary>
    public string? Description { get; private set; }

    public string Unit { get; private set; } = "";

    /// <summary>Greater than 0, up to 4 decimals.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>The list price in minor units of the opportunity's currency, from the price list that applied when the line was added.</summary>
    public long UnitPrice { get; private set; }

    /// <summary>The price list the unit price came from, for reference: the line keeps its price when the list changes.</summary>
    public Guid? PriceListId { get; private set; }

    public decimal? DiscountPercent { get; private set; }

    public long? DiscountAmount { get; private set; }

    /// <summary>Quantity × unit price, rounded to a minor unit.</summary>
    public long GrossAmount { get; private set; }

    public long LineDiscount { get; private set; }

    /// <summary>Gross amount less the line discount, net of tax: what the line adds to the opportunity's amount.</summary>
    public long NetAmount { get; private set; }

    internal void Change(decimal quantity, decimal? discountPercent, long? discountAmount, string? description)
    {
        Quantity = quantity;
        DiscountPercent = discountPercent;
        DiscountAmount = discountAmount;
        Description = description;
    }

    internal void MoveTo(int position) => Position = position;

    internal CalculatorLine ToCalculator() => new(Quantity, UnitPrice, DiscountPercent, DiscountAmount, 0m);

    internal void Apply(CalculatedLine calculated)
    {
        GrossAmount = calculated.GrossAmount;
        LineDiscount = calculated.LineDiscount;
        NetAmount = calculated.NetAmount;
    }
}

internal sealed class OpportunityProductConfiguration : IEntityTypeConfiguration<OpportunityProduct>
{
    public void Configure(EntityTypeBuilder<OpportunityProduct> line)
    {
        line.ToTable("OpportunityProducts");

        // Lines are created with their id and added through Opportunity.Products: a set key must still mean "new".
        line.Property(l => l.Id).ValueGeneratedNever();
        line.Property(l => l.ProductCode).HasMaxLength(50);
        line.Property(l => l.ProductName).HasMaxLength(200);
        line.Property(l => l.Description).HasMaxLength(500);
        line.Property(l => l.Unit).HasMaxLength(20);
        line.Property(l => l.Quantity).HasPrecision(18, 4);
        line.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        line.HasIndex(l => new { l.TenantId, l.OpportunityId, l.Position });
        line.HasIndex(l => new { l.TenantId, l.ProductId });
    }
}
