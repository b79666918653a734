using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Records;

/// <summary>A record in the recycle bin as the recycle bin page lists it.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Name">How the record is named to people.</param>
/// <param name="Detail">What tells records of the same name apart (the account's city, the contact's account …).</param>
/// <param name="DeletedAt">When it went to the recycle bin.</param>
/// <param name="DeletedBy">The name of the user who deleted it, when a user did.</param>
public sealed record RecycledRecord(Guid Id, string Name, string? Detail, DateTimeOffset DeletedAt, string? DeletedBy);

/// <summary>
/// A record type whose deleted records the recycle bin page lists and restores. A module registers one per type
/// (<c>services.AddSingleton&lt;IRecycleBinSource, LeadRecycleBinSource&gt;()</c>), so the page knows no module;
/// listing and restoring go through the module's own use cases with their access rules.
/// </summary>
public interface IRecycleBinSource
{
    /// <summary>The record's <see cref="RecordRef.Type"/>.</summary>
    string Type { get; }

    /// <summary>Where the type's tab stands among the others (ascending).</summary>
    int Order { get; }

    /// <summary>The tab's heading in the current UI culture ("Leads").</summary>
    string Heading { get; }

    /// <summary>The heading of the <see cref="RecycledRecord.Detail"/> column in the current UI culture.</summary>
    string DetailHeading { get; }

    /// <summary>What the tab says when nothing of the type is in the recycle bin, in the current UI culture.</summary>
    string EmptyText { get; }

    /// <summary>Deleted records the current user can see, newest deletion first, one keyset page.</summary>
    Task<Page<RecycledRecord>> ListAsync(KontorDb db, string? cursor, int limit, CancellationToken ct);

    /// <summary>Restores a record with the module's restore use case; false when no visible record with this id is in the recycle bin.</summary>
    Task<bool> RestoreAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct);
}

/// <summary>Helpers for <see cref="IRecycleBinSource"/> implementations.</summary>
public static class RecycleBinSources
{
    /// <summary>The names of the users who deleted the records among <paramref name="ids"/>, by record id.</summary>
    public static async Task<Dictionary<Guid, string>> DeletersAsync<T>(KontorDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
        where T : RecordEntity
    {
        var list = ids.ToList();
        var deleters = await db.Set<T>().AsNoTracking().IgnoreQueryFilters([KontorDb.Filters.RecycleBin, KontorDb.Filters.RecordAccess])
            .Where(r => list.Contains(r.Id) && r.DeletedBy != null)
            .Select(r => new { r.Id, By = r.DeletedBy!.Value })
            .ToListAsync(ct);
        var names = await UserNames.LoadAsync(db, deleters.Select(d => d.By), ct);
        return deleters.Where(d => names.ContainsKey(d.By)).ToDictionary(d => d.Id, d => names[d.By]);
    }
}
