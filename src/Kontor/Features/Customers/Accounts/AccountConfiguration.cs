using Kontor.Features.Customers.Duplicates;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Customers.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> account)
    {
        account.ToTable("Accounts");
        account.Property(a => a.Name).HasMaxLength(200);
        account.Property(a => a.Industry).HasMaxLength(100);
        account.Property(a => a.Segment).HasMaxLength(100);
        account.Property(a => a.VatId).HasMaxLength(20);
        account.Property(a => a.Website).HasMaxLength(300);
        account.Property(a => a.Phone).HasMaxLength(20);
        account.Property(a => a.Email).HasMaxLength(254);
        account.Property(a => a.Description).HasMaxLength(4000);
        account.Property(a => a.ExternalId).HasMaxLength(100);
        account.Property(a => a.SortName).HasMaxLength(SearchText.SortKeyLength);
        account.Property(a => a.SearchTerms).HasMaxLength(SearchText.TermsLength);
        account.Property(a => a.MatchName).HasMaxLength(CompanyNames.KeyLength);
        account.Property(a => a.MatchPostalCode).HasMaxLength(MatchKeys.PostalCodeLength);
        account.ComplexProperty(a => a.BillingAddress, address => address.ConfigureAddress("Billing"));
        account.ComplexProperty(a => a.ShippingAddress, address => address.ConfigureAddress("Shipping"));

        account.HasOne<Account>().WithMany().HasForeignKey(a => a.ParentAccountId).OnDelete(DeleteBehavior.SetNull);
        account.HasOne<Platform.Identity.KontorUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        account.HasOne<Platform.Identity.Team>().WithMany().HasForeignKey(a => a.InsideSalesTeamId).OnDelete(DeleteBehavior.SetNull);

        // Keyset paging: (tenant, sort key, id) for every offered sort order.
        account.HasIndex(a => new { a.TenantId, a.SortName, a.Id });
        account.HasIndex(a => new { a.TenantId, a.CreatedAt, a.Id });
        account.HasIndex(a => new { a.TenantId, a.UpdatedAt, a.Id });
        account.HasIndex(a => new { a.TenantId, a.OwnerId });
        account.HasIndex(a => new { a.TenantId, a.ParentAccountId });
        account.HasIndex(a => new { a.TenantId, a.InsideSalesTeamId });
        account.HasIndex(a => new { a.TenantId, a.Segment });
        account.HasIndex(a => new { a.TenantId, a.DeletedAt });

        // Duplicate detection looks candidates up by equality on each match key, never by scanning.
        account.HasIndex(a => new { a.TenantId, a.MatchName });
        account.HasIndex(a => new { a.TenantId, a.VatId });
        account.HasIndex(a => new { a.TenantId, a.Email });
        account.HasIndex(a => new { a.TenantId, a.Phone });
        account.HasIndex(a => new { a.TenantId, a.MatchPostalCode });
        // Also records in the recycle bin keep their external id: an import must not create a second one.
        account.HasIndex(a => new { a.TenantId, a.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
    }
}
