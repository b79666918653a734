using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Targets;

internal sealed class SalesTargetConfiguration : IEntityTypeConfiguration<SalesTarget>
{
    public void Configure(EntityTypeBuilder<SalesTarget> target)
    {
        target.ToTable("SalesTargets");
        target.Property(t => t.Period).HasMaxLength(10);
        target.Property(t => t.Currency).HasMaxLength(3);

        // One target per subject, period and currency; the same index serves "targets of a period".
        target.HasIndex(t => new { t.TenantId, t.Period, t.SubjectKind, t.SubjectId, t.Currency }).IsUnique();
    }
}
