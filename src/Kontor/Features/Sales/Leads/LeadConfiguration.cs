using System.Text.Json;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Leads;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> lead)
    {
        lead.ToTable("Leads");
        lead.Property(l => l.FirstName).HasMaxLength(100);
        lead.Property(l => l.LastName).HasMaxLength(100);
        lead.Property(l => l.Company).HasMaxLength(200);
        lead.Property(l => l.Title).HasMaxLength(150);
        lead.Property(l => l.Email).HasMaxLength(254);
        lead.Property(l => l.Phone).HasMaxLength(20);
        lead.Property(l => l.Source).HasMaxLength(100);
        lead.Property(l => l.Campaign).HasMaxLength(100);
        lead.Property(l => l.Segment).HasMaxLength(100);
        lead.Property(l => l.DisqualificationReason).HasMaxLength(500);
        lead.Property(l => l.Description).HasMaxLength(4000);
        lead.Property(l => l.ConsentText).HasMaxLength(4000);
        lead.Property(l => l.ExternalId).HasMaxLength(100);
        lead.Property(l => l.SortName).HasMaxLength(SearchText.SortKeyLength);
        lead.Property(l => l.SearchTerms).HasMaxLength(SearchText.TermsLength);
        lead.Property(l => l.ScoreExplanation)
            .HasConversion(
                lines => JsonSerializer.Serialize(lines, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<LeadScoreLine>>(json, JsonSerializerOptions.Web) ?? new List<LeadScoreLine>(),
                new ValueComparer<IReadOnlyList<LeadScoreLine>>(
                    (a, b) => a!.SequenceEqual(b!),
                    lines => lines.Aggregate(0, (hash, line) => HashCode.Combine(hash, line.GetHashCode())),
                    lines => lines.ToList()))
            .HasMaxLength(4000);
        lead.ComplexProperty(l => l.Address, address => address.ConfigureAddress(""));

        lead.HasOne<Platform.Identity.KontorUser>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Restrict);
        lead.HasOne<Platform.Identity.Team>().WithMany().HasForeignKey(l => l.TeamId).OnDelete(DeleteBehavior.SetNull);
        lead.HasOne<Account>().WithMany().HasForeignKey(l => l.ConvertedAccountId).OnDelete(DeleteBehavior.SetNull);
        lead.HasOne<Contact>().WithMany().HasForeignKey(l => l.ConvertedContactId).OnDelete(DeleteBehavior.SetNull);
        lead.HasOne<Opportunity>().WithMany().HasForeignKey(l => l.ConvertedOpportunityId).OnDelete(DeleteBehavior.SetNull);

        // Keyset paging: (tenant, sort key, id) for every offered sort order.
        lead.HasIndex(l => new { l.TenantId, l.SortName, l.Id });
        lead.HasIndex(l => new { l.TenantId, l.CreatedAt, l.Id });
        lead.HasIndex(l => new { l.TenantId, l.UpdatedAt, l.Id });
        lead.HasIndex(l => new { l.TenantId, l.Score, l.Id });
        lead.HasIndex(l => new { l.TenantId, l.OwnerId, l.Status });
        lead.HasIndex(l => new { l.TenantId, l.TeamId });
        lead.HasIndex(l => new { l.TenantId, l.Status });
        lead.HasIndex(l => new { l.TenantId, l.Email });
        lead.HasIndex(l => new { l.TenantId, l.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
        lead.HasIndex(l => new { l.TenantId, l.DeletedAt });
        lead.HasIndex(l => new { l.TenantId, l.ConvertedAccountId });
        lead.HasIndex(l => new { l.TenantId, l.ConvertedContactId });
        lead.HasIndex(l => new { l.TenantId, l.ConvertedOpportunityId });
    }
}
