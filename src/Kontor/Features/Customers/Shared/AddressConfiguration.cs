using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Customers.Shared;

internal static class AddressConfiguration
{
    /// <summary>Maps an address to prefixed columns (BillingStreet, BillingCity, …).</summary>
    public static void ConfigureAddress(this ComplexPropertyBuilder<PostalAddress> address, string prefix)
    {
        address.Property(a => a.Street).HasColumnName(prefix + "Street").HasMaxLength(200);
        address.Property(a => a.PostalCode).HasColumnName(prefix + "PostalCode").HasMaxLength(20);
        address.Property(a => a.City).HasColumnName(prefix + "City").HasMaxLength(100);
        address.Property(a => a.Region).HasColumnName(prefix + "Region").HasMaxLength(100);
        address.Property(a => a.Country).HasColumnName(prefix + "Country").HasMaxLength(2);
    }
}
