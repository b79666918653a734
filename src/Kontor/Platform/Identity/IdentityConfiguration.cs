using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kontor.Platform.Identity;

internal sealed class KontorUserConfiguration : IEntityTypeConfiguration<KontorUser>
{
    public void Configure(EntityTypeBuilder<KontorUser> user)
    {
        user.ToTable("Users");
        user.Property(u => u.FirstName).HasMaxLength(100);
        user.Property(u => u.LastName).HasMaxLength(100);
        user.Property(u => u.Culture).HasMaxLength(10);
        user.Property(u => u.Region).HasMaxLength(8);
        user.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
        user.HasOne<KontorUser>().WithMany().HasForeignKey(u => u.ManagerId).OnDelete(DeleteBehavior.Restrict);
        user.HasOne<Site>().WithMany().HasForeignKey(u => u.SiteId).OnDelete(DeleteBehavior.SetNull);
        user.HasIndex(u => new { u.TenantId, u.NormalizedEmail });
        user.HasIndex(u => new { u.TenantId, u.ManagerId });

        // Users sign in with their e-mail alone, so an address is unique across tenants (UserNameIndex).
        user.Ignore(u => u.DisplayName);
    }
}

internal sealed class KontorRoleConfiguration : IEntityTypeConfiguration<KontorRole>
{
    public void Configure(EntityTypeBuilder<KontorRole> role) => role.ToTable("Roles");
}

internal sealed class IdentityTablesConfiguration :
    IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("UserRoles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("UserClaims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("UserLogins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("UserTokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("RoleClaims");
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>, IEntityTypeConfiguration<TeamMember>, IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.ToTable("Teams");
        team.Property(t => t.Name).HasMaxLength(100);
        team.Property(t => t.Description).HasMaxLength(1000);
        team.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        team.HasOne<Site>().WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.SetNull);
        team.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TeamMember> member)
    {
        member.ToTable("TeamMembers");
        member.HasOne<KontorUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => new { m.TenantId, m.TeamId, m.UserId }).IsUnique();
        member.HasIndex(m => new { m.TenantId, m.UserId });
    }

    public void Configure(EntityTypeBuilder<Site> site)
    {
        site.ToTable("Sites");
        site.Property(s => s.Name).HasMaxLength(100);
        site.Property(s => s.City).HasMaxLength(100);
        site.Property(s => s.Country).HasMaxLength(2);
        site.Property(s => s.TimeZone).HasMaxLength(64);
        site.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> token)
    {
        token.ToTable("PersonalAccessTokens");
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.SecretHash).HasMaxLength(64);
        token.Property(t => t.Hint).HasMaxLength(4);
        token.HasOne<KontorUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);

        // Looked up by hash before the tenant is known; the hash of a 256-bit secret is unique.
        token.HasIndex(t => t.SecretHash).IsUnique();
        token.HasIndex(t => new { t.TenantId, t.UserId });
    }
}
