using Kontor.Features.Sales.Quotes;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Products;

/// <summary>Something the tenant sells: an article or a service, with its unit and tax class; inactive products cannot be quoted.</summary>
public sealed class Product : TenantEntity
{
    private Product() { } // For EF Core.

    public Product(string code, string name, string? description, string unit, TaxClass taxClass, bool active)
    {
        Update(code, name, description, unit, taxClass, active);
    }

    /// <summary>The article number; unique per tenant.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }

    /// <summary>The unit a quantity counts, e.g. <c>pc</c>, <c>h</c>, <c>kg</c>.</summary>
    public string Unit { get; private set; } = "";
    public TaxClass TaxClass { get; private set; }
    public bool Active { get; private set; }

    public void Update(string code, string name, string? description, string unit, TaxClass taxClass, bool active)
    {
        Code = code;
        Name = name;
        Description = description;
        Unit = unit;
        TaxClass = taxClass;
        Active = active;
    }
}

/// <summary>Prices of products in one currency, for one customer segment (or all when <see cref="Segment"/> is null), valid between two dates.</summary>
public sealed class PriceList : TenantEntity
{
    private PriceList() { } // For EF Core.

    public PriceList(string name, string currency, string? segment, DateOnly? validFrom, DateOnly? validTo, bool active)
    {
        Update(name, currency, segment, validFrom, validTo, active);
    }

    public string Name { get; private set; } = "";

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; private set; } = "EUR";

    /// <summary>The account segment the list is for; null for the list every segment falls back to.</summary>
    public string? Segment { get; private set; }

    /// <summary>First day of validity; null for "since always".</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>Last day of validity; null for "until further notice".</summary>
    public DateOnly? ValidTo { get; private set; }

    public bool Active { get; private set; }

    public List<PriceListEntry> Entries { get; private set; } = [];

    public void Update(string name, string currency, string? segment, DateOnly? validFrom, DateOnly? validTo, bool active)
    {
        Name = name;
        Currency = currency;
        Segment = segment;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Active = active;
    }
}

/// <summary>The unit price of one product in a price list, in minor units of the list's currency.</summary>
public sealed class PriceListEntry : TenantEntity
{
    private PriceListEntry() { } // For EF Core.

    public PriceListEntry(Guid priceListId, Guid productId, long unitPrice)
    {
        PriceListId = priceListId;
        ProductId = productId;
        UnitPrice = unitPrice;
    }

    public Guid PriceListId { get; private set; }
    public Guid ProductId { get; private set; }
    public long UnitPrice { get; set; }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("Products");
        product.Property(p => p.Code).HasMaxLength(50);
        product.Property(p => p.Name).HasMaxLength(200);
        product.Property(p => p.Description).HasMaxLength(2000);
        product.Property(p => p.Unit).HasMaxLength(20);
        product.HasIndex(p => new { p.TenantId, p.Code }).IsUnique();
        product.HasIndex(p => new { p.TenantId, p.Name });
    }
}

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> list)
    {
        list.ToTable("PriceLists");
        list.Property(l => l.Name).HasMaxLength(200);
        list.Property(l => l.Currency).HasMaxLength(3);
        list.Property(l => l.Segment).HasMaxLength(100);
        list.HasMany(l => l.Entries).WithOne().HasForeignKey(e => e.PriceListId).OnDelete(DeleteBehavior.Cascade);
        list.HasIndex(l => new { l.TenantId, l.Currency, l.Segment });
    }
}

internal sealed class PriceListEntryConfiguration : IEntityTypeConfiguration<PriceListEntry>
{
    public void Configure(EntityTypeBuilder<PriceListEntry> entry)
    {
        entry.ToTable("PriceListEntries");
        entry.HasOne<Product>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Restrict);
        entry.HasIndex(e => new { e.TenantId, e.PriceListId, e.ProductId }).IsUnique();
        entry.HasIndex(e => new { e.TenantId, e.ProductId });
    }
}
