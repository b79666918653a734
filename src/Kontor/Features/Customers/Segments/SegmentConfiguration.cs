using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Customers.Segments;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> segment)
    {
        segment.ToTable("Segments");
        segment.Property(s => s.Name).HasMaxLength(100);
        segment.Property(s => s.Key).HasMaxLength(200);
        segment.Property(s => s.Description).HasMaxLength(1000);
        segment.HasOne<Team>().WithMany().HasForeignKey(s => s.InsideSalesTeamId).OnDelete(DeleteBehavior.SetNull);
        segment.HasIndex(s => new { s.TenantId, s.Key }).IsUnique();
        segment.HasIndex(s => new { s.TenantId, s.InsideSalesTeamId });
    }
}
