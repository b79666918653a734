using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Features.Sales.Pipelines;

internal sealed class PipelineConfiguration : IEntityTypeConfiguration<Pipeline>
{
    public void Configure(EntityTypeBuilder<Pipeline> pipeline)
    {
        pipeline.ToTable("Pipelines");
        pipeline.Property(p => p.Name).HasMaxLength(100);
        pipeline.HasMany(p => p.Stages).WithOne().HasForeignKey(s => s.PipelineId).OnDelete(DeleteBehavior.Cascade);
        pipeline.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
        pipeline.Navigation(p => p.Stages).AutoInclude();
    }
}

internal sealed class PipelineStageConfiguration : IEntityTypeConfiguration<PipelineStage>
{
    public void Configure(EntityTypeBuilder<PipelineStage> stage)
    {
        stage.ToTable("PipelineStages");

        // Stages are created with their id and added through Pipeline.Stages: a set key must still mean "new".
        stage.Property(s => s.Id).ValueGeneratedNever();
        stage.Property(s => s.Name).HasMaxLength(100);

        // A short list of field names; a separate table would cost a join on every stage move.
        stage.PrimitiveCollection(s => s.RequiredFields);
        stage.HasIndex(s => new { s.TenantId, s.PipelineId, s.Order });
    }
}
