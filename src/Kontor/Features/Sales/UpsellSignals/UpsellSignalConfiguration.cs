using Kontor.Features.Customers.Accounts;
using Kontor.Features.Sales.Opportunities;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.UpsellSignals;

internal sealed class UpsellSignalConfiguration : IEntityTypeConfiguration<UpsellSignal>
{
    public void Configure(EntityTypeBuilder<UpsellSignal> signal)
    {
        signal.ToTable("UpsellSignals");
        signal.Property(s => s.Description).HasMaxLength(UpsellSignal.DescriptionLength);
        signal.Property(s => s.RejectionReason).HasMaxLength(UpsellSignal.ReasonLength);
        signal.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        signal.HasOne<Opportunity>().WithMany().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        signal.HasOne<KontorUser>().WithMany().HasForeignKey(s => s.RaisedBy).OnDelete(DeleteBehavior.Restrict);
        signal.HasOne<KontorUser>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);

        // "My signals" (raised and assigned) and an account's signals, newest first.
        signal.HasIndex(s => new { s.TenantId, s.RaisedBy, s.RaisedAt });
        signal.HasIndex(s => new { s.TenantId, s.OwnerId, s.Status });
        signal.HasIndex(s => new { s.TenantId, s.AccountId, s.RaisedAt });
    }
}
