using System.Reflection;
using Kontor.Platform.Audit;
using Kontor.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kontor.Platform.Retention.Holds;

/// <summary>
/// The record types a legal hold can name (every business record of the model, by its audit key, and <c>user</c>
/// for employees) and whether a record of such a type exists and is visible, also while it waits in the recycle bin,
/// which is where a hold matters most.
/// </summary>
internal static class HeldRecords
{
    public const string User = "user";

    private static readonly MethodInfo ExistsOfType = typeof(HeldRecords).GetMethod(nameof(ExistsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static IReadOnlyList<string> Types(KontorDb db) =>
        [.. RecordTypes(db).Select(t => t.Key).Append(User).Distinct().Order(StringComparer.Ordinal)];

    public static async Task<bool> ExistsAsync(KontorDb db, string recordType, Guid id, CancellationToken ct)
    {
        if (recordType == User)
        {
            return await db.Users.AnyAsync(u => u.Id == id, ct);
        }

        var type = RecordTypes(db).FirstOrDefault(t => t.Key == recordType).Type;
        return type is not null && await (Task<bool>)ExistsOfType.MakeGenericMethod(type.ClrType).Invoke(null, [db, id, ct])!;
    }

    private static IEnumerable<(string Key, IEntityType Type)> RecordTypes(KontorDb db) =>
        db.Model.GetEntityTypes()
            .Where(t => t.BaseType is null && typeof(RecordEntity).IsAssignableFrom(t.ClrType))
            .Select(t => (AuditTrail.RecordTypeOf(t.ClrType), t));

    private static Task<bool> ExistsAsync<T>(KontorDb db, Guid id, CancellationToken ct)
        where T : RecordEntity =>
        db.Set<T>().IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(r => r.Id == id, ct);
}
