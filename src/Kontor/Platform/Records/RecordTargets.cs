using Kontor.Platform.Access;
using Kontor.Platform.Data;

namespace Kontor.Platform.Records;

/// <summary>What the current user may do with a record that something is attached to.</summary>
public enum TargetAccess
{
    /// <summary>The record does not exist, is in the recycle bin or is not visible to the user: answered as 404.</summary>
    Invisible,

    /// <summary>The user sees the record but may not change it: changes are answered as 403.</summary>
    ReadOnly,

    /// <summary>The user may change the record.</summary>
    Changeable,
}

/// <summary>How a record is named to people, and its e-mail address where it has one (for invitations).</summary>
public sealed record RecordLabel(string Name, string? Email);

/// <summary>The ids of the records of one type that belong to a record, e.g. the contacts of an account.</summary>
/// <param name="Type">The children's <see cref="RecordRef.Type"/>.</param>
/// <param name="Ids">Ids of the visible children; a query, so it runs inside the caller's query.</param>
public sealed record RecordChildren(string Type, IQueryable<Guid> Ids);

/// <summary>
/// A record type that activities, history and other attachments can point at. A module registers one per type
/// (<c>services.AddSingleton&lt;IRecordTarget, AccountTarget&gt;()</c>); modules above it reach the record only
/// through this contract, never through its entity. Every query goes through the entity's query filters, so
/// tenant, recycle bin and record access decide what is visible.
/// </summary>
public interface IRecordTarget
{
    /// <summary>The record's <see cref="RecordRef.Type"/>, its secured object's key.</summary>
    string Type { get; }

    /// <summary>Ids of the records of this type the current user can see.</summary>
    IQueryable<Guid> VisibleIds(KontorDb db);

    /// <summary>Whether the record is visible and whether the user may change it.</summary>
    Task<TargetAccess> AccessAsync(KontorDb db, AccessScope access, Guid id, CancellationToken ct);

    /// <summary>Names (and e-mail addresses) of the visible records among <paramref name="ids"/>.</summary>
    Task<Dictionary<Guid, RecordLabel>> LabelsAsync(KontorDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Records that belong to the record and whose attachments its timeline shows (an account's contacts).</summary>
    IReadOnlyList<RecordChildren> Children(KontorDb db, Guid id);

    /// <summary>
    /// An audited field's name as people read it, in the current UI culture (<c>BillingAddress.City</c> → "Billing
    /// address · City"), for the field history on the timeline; the stored name when the field is unknown.
    /// </summary>
    string FieldLabel(string field);
}

/// <summary>The registered <see cref="IRecordTarget"/>s by type.</summary>
public sealed class RecordTargets(IEnumerable<IRecordTarget> targets)
{
    private readonly Dictionary<string, IRecordTarget> byType = targets.ToDictionary(t => t.Type, StringComparer.Ordinal);

    public IReadOnlyCollection<IRecordTarget> All => byType.Values;

    public IReadOnlyCollection<string> Types => byType.Keys;

    /// <summary>The target of a type, or null for a type no module registered.</summary>
    public IRecordTarget? Find(string? type) => type is not null && byType.TryGetValue(type, out var target) ? target : null;

    /// <summary>Labels of records of mixed types; invisible records are left out.</summary>
    public async Task<Dictionary<RecordRef, RecordLabel>> LabelsAsync(KontorDb db, IEnumerable<RecordRef> records, CancellationToken ct)
    {
        var names = new Dictionary<RecordRef, RecordLabel>();
        foreach (var group in records.Distinct().GroupBy(r => r.Type, StringComparer.Ordinal))
        {
            if (Find(group.Key) is not { } target)
            {
                continue;
            }

            foreach (var (id, name) in await target.LabelsAsync(db, [.. group.Select(r => r.Id)], ct))
            {
                names[new RecordRef(group.Key, id)] = name;
            }
        }

        return names;
    }
}
