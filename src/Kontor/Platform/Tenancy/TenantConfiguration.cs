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
        tenant.HasIndex(t => t.Name).IsUnique();
    }
}
