using System.Linq.Expressions;
using System.Reflection;
using Kontor.Features.Activities.Meetings;
using Kontor.Features.Activities.Shared;
using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Segments;
using Kontor.Features.Integration.ImportExport.Imports;
using Kontor.Features.Privacy.Consents;
using Kontor.Features.Privacy.Requests;
using Kontor.Features.Sales.Leads;
using Kontor.Features.Sales.Leads.Assignment;
using Kontor.Features.Sales.Leads.Scoring;
using Kontor.Features.Sales.Leads.WebForm;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Orders;
using Kontor.Features.Sales.Pipelines;
using Kontor.Features.Sales.Products;
using Kontor.Features.Sales.Quotes;
using Kontor.Features.Sales.Targets;
using Kontor.Features.Sales.UpsellSignals;
using Kontor.Platform.Access;
using Kontor.Platform.Agreement;
using Kontor.Platform.Audit;
using Kontor.Platform.Events;
using Kontor.Platform.Identity;
using Kontor.Platform.Retention;
using Kontor.Platform.Retention.Rules;
using Kontor.Platform.Retention.Runs;
using Kontor.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Data;

/// <summary>
/// Kontor's one EF Core model. Every tenant-owned entity gets the tenant filter, every record the
/// recycle-bin filter and every access-controlled record the record-access filter. Slices never lift the
/// tenant filter; they lift the others only by name and for the reasons ADR 0005 lists.
/// </summary>
/// <remarks>Never add a migration for one provider only: run <c>eng/add-migration.sh NameOfChange</c>.</remarks>
public abstract class KontorDb(DbContextOptions options, TenantContext tenant, AccessScope access, CurrentUser actor, TimeProvider clock)
    : IdentityDbContext<KontorUser, KontorRole, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>, IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>>(options),
      IDataProtectionKeyContext
{
    /// <summary>Names of the query filters.</summary>
    public static class Filters
    {
        public const string Tenant = nameof(Tenant);
        public const string RecycleBin = nameof(RecycleBin);
        public const string RecordAccess = nameof(RecordAccess);
    }

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<SharingSetting> SharingSettings => Set<SharingSetting>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<FieldChange> FieldChanges => Set<FieldChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<MeetingAttendee> MeetingAttendees => Set<MeetingAttendee>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();
    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();
    public DbSet<Pipeline> Pipelines => Set<Pipeline>();
    public DbSet<PipelineStage> PipelineStages => Set<PipelineStage>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<OpportunityStageChange> OpportunityStageChanges => Set<OpportunityStageChange>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<PriceList> PriceLists => Set<PriceList>();
    public DbSet<PriceListEntry> PriceListEntries => Set<PriceListEntry>();
    public DbSet<QuoteSettings> QuoteSettings => Set<QuoteSettings>();
    public DbSet<TaxRate> TaxRates => Set<TaxRate>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<QuoteLine> QuoteLines => Set<QuoteLine>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<OpportunityContact> OpportunityContacts => Set<OpportunityContact>();
    public DbSet<OpportunityProduct> OpportunityProducts => Set<OpportunityProduct>();
    public DbSet<OpportunityStageTotal> OpportunityStageTotals => Set<OpportunityStageTotal>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadFormSettings> LeadFormSettings => Set<LeadFormSettings>();
    public DbSet<LeadAssignmentRule> LeadAssignmentRules => Set<LeadAssignmentRule>();
    public DbSet<LeadScoringRule> LeadScoringRules => Set<LeadScoringRule>();
    public DbSet<SalesTarget> SalesTargets => Set<SalesTarget>();
    public DbSet<UpsellSignal> UpsellSignals => Set<UpsellSignal>();
    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();
    public DbSet<RetentionSettings> RetentionSettings => Set<RetentionSettings>();
    public DbSet<StatutoryPeriodSetting> StatutoryPeriodSettings => Set<StatutoryPeriodSetting>();
    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();
    public DbSet<DataSubjectRequest> DataSubjectRequests => Set<DataSubjectRequest>();
    public DbSet<Consent> Consents => Set<Consent>();

    internal TenantContext Tenant => tenant;
    internal AccessScope Access => access;
    internal CurrentUser Actor => actor;
    internal TimeProvider Clock => clock;

    /// <summary>The provider's name as shown in logs and health checks.</summary>
    public abstract string ProviderName { get; }

    /// <summary>True when the model keeps <see cref="RecordEntity.Version"/> itself (SQLite) rather than the database (PostgreSQL xmin).</summary>
    internal abstract bool StampsVersion { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KontorDb).Assembly);

        // A scope sees its own tenant's settings only; listing tenants is platform work.
        builder.Entity<Tenant>().HasQueryFilter(Filters.Tenant, t => Tenant.IsSystem || t.Id == Tenant.TenantId);

        // Filters go on the root of an inheritance hierarchy (e.g. Activities); derived types share them.
        foreach (var clrType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null).Select(t => t.ClrType).Distinct().ToList())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(clrType))
            {
                Apply(nameof(ApplyTenantFilter), clrType, builder);
            }

            if (typeof(RecordEntity).IsAssignableFrom(clrType))
            {
                Apply(nameof(ApplyRecycleBinFilter), clrType, builder);
            }

            if (typeof(IAccessControlled).IsAssignableFrom(clrType))
            {
                Apply(nameof(ApplyAccessFilter), clrType, builder);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    private void Apply(string method, Type clrType, ModelBuilder builder) =>
        typeof(KontorDb).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(clrType)
            .Invoke(this, [builder]);

    private void ApplyTenantFilter<T>(ModelBuilder builder)
        where T : class, ITenantOwned =>
        builder.Entity<T>().HasQueryFilter(Filters.Tenant, e => Tenant.IsSystem || e.TenantId == Tenant.TenantId);

    private void ApplyRecycleBinFilter<T>(ModelBuilder builder)
        where T : RecordEntity =>
        builder.Entity<T>().HasQueryFilter(Filters.RecycleBin, e => e.DeletedAt == null);

    private void ApplyAccessFilter<T>(ModelBuilder builder)
        where T : class, IAccessControlled
    {
        var key = T.SecuredObject.Key;
        var team = T.SharedWithTeamProperty;

        // A record may have no owner (a lead waiting in the queue): it is then seen through its team or the sharing level only.
        var owner = nameof(IAccessControlled.OwnerId);
        var ownerIsOptional = typeof(T).GetProperty(owner)?.PropertyType == typeof(Guid?);
        Expression<Func<T, bool>> filter = (team, ownerIsOptional) switch
        {
            (null, false) => e => Tenant.IsSystem
                || Access.ReadsAll(key)
                || (Access.ReadsOwn(key) && Access.OwnerIds.Contains(EF.Property<Guid>(e, owner))),
            (null, true) => e => Tenant.IsSystem
                || Access.ReadsAll(key)
                || (Access.ReadsOwn(key) && EF.Property<Guid?>(e, owner) != null && Access.OwnerIds.Contains(EF.Property<Guid?>(e, owner)!.Value)),
            (_, false) => e => Tenant.IsSystem
                || Access.ReadsAll(key)
                || (Access.ReadsOwn(key)
                    && (Access.OwnerIds.Contains(EF.Property<Guid>(e, owner))
                        || (EF.Property<Guid?>(e, team) != null && Access.TeamIds.Contains(EF.Property<Guid?>(e, team)!.Value)))),
            (_, true) => e => Tenant.IsSystem
                || Access.ReadsAll(key)
                || (Access.ReadsOwn(key)
                    && ((EF.Property<Guid?>(e, owner) != null && Access.OwnerIds.Contains(EF.Property<Guid?>(e, owner)!.Value))
                        || (EF.Property<Guid?>(e, team) != null && Access.TeamIds.Contains(EF.Property<Guid?>(e, team)!.Value)))),
        };
        builder.Entity<T>().HasQueryFilter(Filters.RecordAccess, filter);
    }
}
