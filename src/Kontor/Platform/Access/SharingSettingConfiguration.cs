using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Access;

internal sealed class SharingSettingConfiguration : IEntityTypeConfiguration<SharingSetting>
{
    public void Configure(EntityTypeBuilder<SharingSetting> setting)
    {
        setting.ToTable("SharingSettings");
        setting.Property(s => s.ObjectKey).HasMaxLength(50);
        setting.HasIndex(s => new { s.TenantId, s.ObjectKey }).IsUnique();
    }
}
