using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Quotes;

/// <summary>A tenant's quote settings: the discount approval threshold, the default validity and the letterhead printed on quote PDFs.</summary>
public sealed class QuoteSettings : TenantEntity
{
    public const decimal DefaultThreshold = 10m;
    public const int DefaultValidityDays = 30;

    /// <summary>A discount (in percent, see ADR 0018) above this needs the owner's manager's approval.</summary>
    public decimal ApprovalThresholdPercent { get; set; } = DefaultThreshold;

    /// <summary>Days from the quote date to the default "valid until".</summary>
    public int ValidityDays { get; set; } = DefaultValidityDays;

    public string? CompanyName { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? VatId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? BankName { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public string? FooterText { get; set; }

    /// <summary>The tenant's settings, or the defaults (not yet stored) when none were saved.</summary>
    internal static async Task<QuoteSettings> LoadAsync(KontorDb db, CancellationToken ct) =>
        await db.QuoteSettings.SingleOrDefaultAsync(ct) ?? new QuoteSettings();
}

/// <summary>A tenant's value-added tax rate for one country and tax class, overriding the built-in rate.</summary>
public sealed class TaxRate : TenantEntity
{
    private TaxRate() { } // For EF Core.

    public TaxRate(string country, TaxClass taxClass, decimal ratePercent)
    {
        Country = country;
        TaxClass = taxClass;
        RatePercent = ratePercent;
    }

    /// <summary>ISO 3166 alpha-2.</summary>
    public string Country { get; private set; } = "";
    public TaxClass TaxClass { get; private set; }
    public decimal RatePercent { get; private set; }
}

/// <summary>The tax rates a quote uses: the tenant's own, else the built-in rates of ADR 0018.</summary>
internal static class TaxRates
{
    /// <summary>Built-in standard, reduced and exempt rates.</summary>
    public static IReadOnlyDictionary<string, (decimal Standard, decimal Reduced)> BuiltIn { get; } = new Dictionary<string, (decimal, decimal)>(StringComparer.Ordinal)
    {
        ["DE"] = (19m, 7m),
        ["AT"] = (20m, 10m),
        ["CH"] = (8.1m, 2.6m),
    };

    /// <summary>The rate per tax class for <paramref name="country"/>; a class without a rate is missing from the answer.</summary>
    public static async Task<Dictionary<TaxClass, decimal>> ForCountryAsync(KontorDb db, string country, CancellationToken ct)
    {
        var rates = new Dictionary<TaxClass, decimal>();
        if (BuiltIn.TryGetValue(country, out var builtIn))
        {
            rates[TaxClass.Standard] = builtIn.Standard;
            rates[TaxClass.Reduced] = builtIn.Reduced;
            rates[TaxClass.Exempt] = 0m;
        }

        foreach (var own in await db.TaxRates.AsNoTracking().Where(r => r.Country == country).ToListAsync(ct))
        {
            rates[own.TaxClass] = own.RatePercent;
        }

        return rates;
    }
}

internal sealed class QuoteSettingsConfiguration : IEntityTypeConfiguration<QuoteSettings>
{
    public void Configure(EntityTypeBuilder<QuoteSettings> settings)
    {
        settings.ToTable("QuoteSettings");
        settings.Property(s => s.ApprovalThresholdPercent).HasPrecision(5, 2);
        settings.Property(s => s.CompanyName).HasMaxLength(200);
        settings.Property(s => s.Street).HasMaxLength(200);
        settings.Property(s => s.PostalCode).HasMaxLength(20);
        settings.Property(s => s.City).HasMaxLength(100);
        settings.Property(s => s.Country).HasMaxLength(2);
        settings.Property(s => s.VatId).HasMaxLength(20);
        settings.Property(s => s.Phone).HasMaxLength(40);
        settings.Property(s => s.Email).HasMaxLength(254);
        settings.Property(s => s.BankName).HasMaxLength(100);
        settings.Property(s => s.Iban).HasMaxLength(34);
        settings.Property(s => s.Bic).HasMaxLength(11);
        settings.Property(s => s.FooterText).HasMaxLength(1000);
        settings.HasIndex(s => s.TenantId).IsUnique();
    }
}

internal sealed class TaxRateConfiguration : IEntityTypeConfiguration<TaxRate>
{
    public void Configure(EntityTypeBuilder<TaxRate> rate)
    {
        rate.ToTable("TaxRates");
        rate.Property(r => r.Country).HasMaxLength(2);
        rate.Property(r => r.RatePercent).HasPrecision(5, 2);
        rate.HasIndex(r => new { r.TenantId, r.Country, r.TaxClass }).IsUnique();
    }
}
