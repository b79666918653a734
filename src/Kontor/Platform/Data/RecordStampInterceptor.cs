using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kontor.Platform.Data;

/// <summary>
/// Runs before every save: stamps the tenant on new tenant-owned rows and refuses rows of another tenant,
/// and stamps who changed a record when (and its version on SQLite). Stateless; reads the context's scope.
/// </summary>
public sealed class RecordStampInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is not KontorDb db)
        {
            return;
        }

        var now = db.Clock.GetUtcNow();
        var actor = db.Actor.ActorId;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is ITenantOwned owned)
            {
                GuardTenant(db, entry, owned);
            }

            if (entry.Entity is not RecordEntity record)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    record.CreatedAt = now;
                    record.CreatedBy = actor;
                    record.UpdatedAt = now;
                    record.UpdatedBy = actor;
                    if (db.StampsVersion)
                    {
                        record.Version = 1;
                    }

                    break;
                case EntityState.Modified:
                    record.UpdatedAt = now;
                    record.UpdatedBy = actor;
                    if (db.StampsVersion)
                    {
                        record.Version++;
                    }

                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                case EntityState.Deleted:
                    break;
            }
        }
    }

    private static void GuardTenant(KontorDb db, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, ITenantOwned owned)
    {
        var tenant = db.Tenant;
        switch (entry.State)
        {
            case EntityState.Added when tenant.IsSystem:
                if (owned.TenantId == Guid.Empty)
                {
                    throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} created in system scope must name its tenant.");
                }

                break;
            case EntityState.Added:
                var current = tenant.TenantId ?? throw new InvalidOperationException("No tenant is set for this scope; nothing can be written.");
                if (owned.TenantId == Guid.Empty)
                {
                    entry.Property(nameof(ITenantOwned.TenantId)).CurrentValue = current;
                }
                else if (owned.TenantId != current)
                {
                    throw new InvalidOperationException($"Refusing to write a {entry.Metadata.ClrType.Name} of another tenant.");
                }

                break;
            case EntityState.Modified or EntityState.Deleted when !tenant.IsSystem:
                // Compare values rather than IsModified: Identity's user store saves a user with Update(), which
                // marks every property as modified, also an unchanged TenantId.
                var property = entry.Property(nameof(ITenantOwned.TenantId));
                if ((Guid)property.CurrentValue! != tenant.TenantId || (Guid)property.OriginalValue! != tenant.TenantId)
                {
                    throw new InvalidOperationException($"Refusing to change a {entry.Metadata.ClrType.Name} of another tenant.");
                }

                break;
            default:
                break;
        }
    }
}
