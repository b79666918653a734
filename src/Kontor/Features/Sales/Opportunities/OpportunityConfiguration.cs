using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Sales.Pipelines;
using Kontor.Platform.Identity;
using Kontor.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Opportunities;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> opportunity)
    {
        opportunity.ToTable("Opportunities");
        opportunity.Property(o => o.Name).HasMaxLength(200);
        opportunity.Property(o => o.Currency).HasMaxLength(3);
        opportunity.Property(o => o.NextStep).HasMaxLength(500);
        opportunity.Property(o => o.LeadSource).HasMaxLength(100);
        opportunity.Property(o => o.Competitors).HasMaxLength(500);
        opportunity.Property(o => o.LossReason).HasMaxLength(200);
        opportunity.Property(o => o.Description).HasMaxLength(4000);
        opportunity.Property(o => o.SortName).HasMaxLength(SearchText.SortKeyLength);
        opportunity.Property(o => o.SearchTerms).HasMaxLength(SearchText.TermsLength);
        opportunity.Property(o => o.StageName).HasMaxLength(100);

        opportunity.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        opportunity.HasOne<KontorUser>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        opportunity.HasOne<Team>().WithMany().HasForeignKey(o => o.InsideSalesTeamId).OnDelete(DeleteBehavior.SetNull);
        opportunity.HasOne<Pipeline>().WithMany().HasForeignKey(o => o.PipelineId).OnDelete(DeleteBehavior.Restrict);
        opportunity.HasOne<PipelineStage>().WithMany().HasForeignKey(o => o.StageId).OnDelete(DeleteBehavior.Restrict);
        opportunity.HasMany(o => o.StageHistory).WithOne().HasForeignKey(h => h.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        opportunity.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        opportunity.HasMany(o => o.Products).WithOne().HasForeignKey(l => l.OpportunityId).OnDelete(DeleteBehavior.Cascade);

        opportunity.HasIndex(o => new { o.TenantId, o.SortName, o.Id });
        opportunity.HasIndex(o => new { o.TenantId, o.CloseDateOrder, o.Id });
        opportunity.HasIndex(o => new { o.TenantId, o.UpdatedAt, o.Id });
        opportunity.HasIndex(o => new { o.TenantId, o.AccountId });
        opportunity.HasIndex(o => new { o.TenantId, o.OwnerId, o.Outcome });
        opportunity.HasIndex(o => new { o.TenantId, o.InsideSalesTeamId });

        // Board totals and forecasts add up hundreds of thousands of rows; on PostgreSQL these indexes carry every
        // column those sums read (and the recycle-bin and access filters test), so the database answers them from the
        // index alone instead of visiting each row (docs/performance.md, "Sales").
        opportunity.HasIndex(o => new { o.TenantId, o.PipelineId, o.StageId, o.Currency })
            .IncludeProperties(o => new { o.Amount, o.Probability, o.OwnerId, o.InsideSalesTeamId, o.DeletedAt });
        opportunity.HasIndex(o => new { o.TenantId, o.Outcome, o.CloseDate })
            .IncludeProperties(o => new { o.OwnerId, o.Currency, o.ForecastCategory, o.Amount, o.Probability, o.DeletedAt });
        opportunity.HasIndex(o => new { o.TenantId, o.Outcome, o.ClosedAt })
            .IncludeProperties(o => new { o.OwnerId, o.Currency, o.Amount, o.DeletedAt });

        // A board column: the cards of one stage by close date, read a page at a time.
        opportunity.HasIndex(o => new { o.TenantId, o.StageId, o.CloseDateOrder, o.Id });
        opportunity.HasIndex(o => new { o.TenantId, o.DeletedAt });
    }
}

internal sealed class OpportunityStageChangeConfiguration : IEntityTypeConfiguration<OpportunityStageChange>
{
    public void Configure(EntityTypeBuilder<OpportunityStageChange> change)
    {
        change.ToTable("OpportunityStageChanges");

        // Rows are created with their id and added through Opportunity.StageHistory: a set key must still mean "new".
        change.Property(h => h.Id).ValueGeneratedNever();
        change.HasOne<PipelineStage>().WithMany().HasForeignKey(h => h.StageId).OnDelete(DeleteBehavior.Restrict);
        change.HasIndex(h => new { h.TenantId, h.OpportunityId, h.EnteredAt });
        change.HasIndex(h => new { h.TenantId, h.StageId });
    }
}

internal sealed class OpportunityContactConfiguration : IEntityTypeConfiguration<OpportunityContact>
{
    public void Configure(EntityTypeBuilder<OpportunityContact> contact)
    {
        contact.ToTable("OpportunityContacts");
        contact.Property(c => c.Id).ValueGeneratedNever();
        contact.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        contact.HasIndex(c => new { c.TenantId, c.OpportunityId, c.ContactId }).IsUnique();
        contact.HasIndex(c => new { c.TenantId, c.ContactId });
    }
}
