using Kontor.Features.Customers;
using Kontor.Features.Sales;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Kontor.Platform.Retention;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Privacy;

/// <summary>The kinds of person whose rights Kontor serves, and how to find one.</summary>
internal static class DataSubjects
{
    public static string Contact => CustomerObjects.Contacts.Key;

    public static string Lead => SalesObjects.Leads.Key;

    /// <summary>A user of the tenant, as the works agreement's access log names them.</summary>
    public const string Employee = Platform.Agreement.Gate.EmployeeDataGate.SubjectType;

    public static IReadOnlyList<string> Types { get; } = [Contact, Lead, Employee];

    public static bool IsKnown(string? type) => type is not null && Types.Contains(type, StringComparer.Ordinal);

    /// <summary>Whether the person exists in the tenant; records in the recycle bin count, since their data is still stored.</summary>
    public static Task<bool> ExistsAsync(KontorDb db, RecordRef subject, CancellationToken ct) => subject.Type switch
    {
        _ when subject.Type == Contact => db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(c => c.Id == subject.Id, ct),
        _ when subject.Type == Lead => db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AnyAsync(l => l.Id == subject.Id, ct),
        Employee => db.Users.AnyAsync(u => u.Id == subject.Id, ct),
        _ => Task.FromResult(false),
    };

    /// <summary>Names for display (never stored with a request): the record's name, or the user's display name.</summary>
    public static async Task<Dictionary<RecordRef, string>> NamesAsync(KontorDb db, IEnumerable<RecordRef> subjects, CancellationToken ct)
    {
        var all = subjects.Distinct().ToList();
        var names = new Dictionary<RecordRef, string>();
        var contactIds = all.Where(s => s.Type == Contact).Select(s => s.Id).ToList();
        foreach (var c in await db.Contacts.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AsNoTracking()
                     .Where(c => contactIds.Contains(c.Id)).Select(c => new { c.Id, c.FirstName, c.LastName }).ToListAsync(ct))
        {
            names[new RecordRef(Contact, c.Id)] = $"{c.FirstName} {c.LastName}".Trim();
        }

        var leadIds = all.Where(s => s.Type == Lead).Select(s => s.Id).ToList();
        foreach (var l in await db.Leads.IgnoreQueryFilters([KontorDb.Filters.RecycleBin]).AsNoTracking()
                     .Where(l => leadIds.Contains(l.Id)).Select(l => new { l.Id, l.FirstName, l.LastName }).ToListAsync(ct))
        {
            names[new RecordRef(Lead, l.Id)] = $"{l.FirstName} {l.LastName}".Trim();
        }

        var userIds = all.Where(s => s.Type == Employee).Select(s => s.Id).ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToListAsync(ct))
        {
            names[new RecordRef(Employee, u.Id)] = Platform.Identity.UserNames.Of(u.FirstName, u.LastName, u.Email);
        }

        return names;
    }

    /// <summary>Whether a legal hold keeps the person's data; an employee's hold may name the user record or the employee.</summary>
    public static async Task<bool> IsHeldAsync(KontorDb db, RecordRef subject, CancellationToken ct) =>
        await LegalHolds.IsHeldAsync(db, subject, ct)
        || (subject.Type == Employee && await LegalHolds.IsHeldAsync(db, new RecordRef("user", subject.Id), ct));
}
