using System.Runtime.CompilerServices;
using Kontor.Features.Activities.Shared;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kontor.Features.Sales.Leads.Scoring;

/// <summary>
/// Keeps the points that scoring rules give for activities current: when activities on leads are added, deleted or
/// moved, the scores of those leads are recomputed right after the save. Activities know nothing of leads, so the
/// sales module watches their saves rather than every activity slice calling it.
/// </summary>
internal sealed class LeadScoreInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } ids)
        {
            LeadScoring.RefreshAsync((KontorDb)eventData.Context!, ids, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } ids)
        {
            await LeadScoring.RefreshAsync((KontorDb)eventData.Context!, ids, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not KontorDb db)
        {
            return;
        }

        var type = SalesObjects.Leads.Key;
        var ids = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries<Activity>())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            {
                if (entry.Entity.TargetType == type)
                {
                    ids.Add(entry.Entity.TargetId);
                }

                if (entry.State == EntityState.Modified && entry.OriginalValues[nameof(Activity.TargetType)] as string == type)
                {
                    ids.Add((Guid)entry.OriginalValues[nameof(Activity.TargetId)]!);
                }
            }
        }

        if (ids.Count > 0)
        {
            pending.AddOrUpdate(db, ids);
        }
    }

    private HashSet<Guid>? Take(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var ids))
        {
            return null;
        }

        pending.Remove(context);
        return ids;
    }
}
