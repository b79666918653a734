using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Tenancy;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> tenant)
    {
        tenant.ToTable("Tenants");
        tenant.Property(t => t.Name).HasMaxLength(200);
        tenant.Property(t => t.DefaultCountry).HasMaxLength(2);
        tenant.Property(t => t.DefaultCurrency).HasMaxLength(3).HasDefaultValue("EUR"); // existing tenants get it on upgrade
        tenant.HasIndex(t => t.Name).IsUnique();
    }
}
