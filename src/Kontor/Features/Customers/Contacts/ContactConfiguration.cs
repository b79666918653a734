using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Duplicates;
using Kontor.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Customers.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> contact)
    {
        contact.ToTable("Contacts");
        contact.Property(c => c.Title).HasMaxLength(40);
        contact.Property(c => c.FirstName).HasMaxLength(100);
        contact.Property(c => c.LastName).HasMaxLength(100);
        contact.Property(c => c.JobTitle).HasMaxLength(150);
        contact.Property(c => c.Email).HasMaxLength(254);
        contact.Property(c => c.Phone).HasMaxLength(20);
        contact.Property(c => c.MobilePhone).HasMaxLength(20);
        contact.Property(c => c.PreferredLanguage).HasMaxLength(2);
        contact.Property(c => c.Description).HasMaxLength(4000);
        contact.Property(c => c.ExternalId).HasMaxLength(100);
        contact.Property(c => c.SortName).HasMaxLength(SearchText.SortKeyLength);
        contact.Property(c => c.SearchTerms).HasMaxLength(SearchText.TermsLength);
        contact.Property(c => c.MatchName).HasMaxLength(MatchKeys.PersonNameLength);

        contact.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.SetNull);
        contact.HasOne<Platform.Identity.KontorUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);

        contact.HasIndex(c => new { c.TenantId, c.SortName, c.Id });
        contact.HasIndex(c => new { c.TenantId, c.CreatedAt, c.Id });
        contact.HasIndex(c => new { c.TenantId, c.UpdatedAt, c.Id });
        contact.HasIndex(c => new { c.TenantId, c.AccountId });
        contact.HasIndex(c => new { c.TenantId, c.OwnerId });
        contact.HasIndex(c => new { c.TenantId, c.Email });
        contact.HasIndex(c => new { c.TenantId, c.DeletedAt });

        // Duplicate detection looks candidates up by equality on each match key (the e-mail index above included).
        contact.HasIndex(c => new { c.TenantId, c.Phone });
        contact.HasIndex(c => new { c.TenantId, c.MobilePhone });
        contact.HasIndex(c => new { c.TenantId, c.MatchName });
        // Also records in the recycle bin keep their external id: an import must not create a second one.
        contact.HasIndex(c => new { c.TenantId, c.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
    }
}
