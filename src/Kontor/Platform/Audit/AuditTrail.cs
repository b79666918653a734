using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;

namespace Kontor.Platform.Audit;

/// <summary>
/// Adds explicit events (export, import, merge, sign-in, permission changes) to the audit log. Changes of records
/// are logged by <see cref="AuditInterceptor"/> on their own. An entry added with <c>Record</c> is chained and
/// written by the context's next <c>SaveChanges</c>, in the same transaction as the change it describes.
/// </summary>
/// <remarks>
/// The detail is serialised to compact JSON: put ids, field names, counts and formats in it, never names, e-mail
/// addresses or other personal data (see docs/audit.md).
/// </remarks>
public sealed class AuditTrail
{
    public const int MaxDetailLength = 2000;

    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web);
    private static readonly ConcurrentDictionary<Type, string> RecordTypes = new();

    /// <summary>Records an event of the context's tenant and current user about a kind of record (or none), e.g. an export of the accounts list.</summary>
    public AuditEntry Record(KontorDb db, AuditAction action, string? recordType, object? detail = null) =>
        Add(db, action, recordType, null, detail);

    /// <summary>Records an event about one record, e.g. the survivor of a merge.</summary>
    public AuditEntry Record(KontorDb db, AuditAction action, RecordRef record, object? detail = null) =>
        Add(db, action, record.Type, record.Id, detail);

    /// <summary>Records an event and saves the context at once, for events that change nothing else (an export).</summary>
    public async Task AppendAsync(KontorDb db, AuditAction action, string? recordType, object? detail, CancellationToken ct)
    {
        Record(db, action, recordType, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records a sign-in, failed sign-in or sign-out of <paramref name="user"/> in the user's tenant and saves it. Sign-in
    /// runs before a user is loaded, so the actor is named here; call it inside the sign-in's system scope.
    /// </summary>
    internal static async Task SignInEventAsync(KontorDb db, KontorUser user, AuditAction action, Channel channel, string? reason, CancellationToken ct)
    {
        db.Set<AuditEntry>().Add(new AuditEntry(
            user.TenantId, action, "user", user.Id, Serialize(reason is null ? null : new { reason }), user.Id, ActorKind.User, channel));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records an event of the context's current user in a given tenant, for platform work in a system scope (creating a user).</summary>
    internal static AuditEntry RecordInTenant(KontorDb db, Guid tenantId, AuditAction action, RecordRef record, object? detail) =>
        AddInTenant(db, tenantId, action, record.Type, record.Id, detail);

    /// <summary>Records an event about a kind of record in a given tenant, for platform work in a system scope (purging the recycle bin).</summary>
    internal static AuditEntry RecordInTenant(KontorDb db, Guid tenantId, AuditAction action, string recordType, object? detail) =>
        AddInTenant(db, tenantId, action, recordType, null, detail);

    /// <summary>
    /// A record type's key in the audit log and field history: the <see cref="SecuredObject.Key"/> of an
    /// access-controlled record (<c>account</c>), else the type's name in camel case.
    /// </summary>
    internal static string RecordTypeOf(Type clrType) =>
        RecordTypes.GetOrAdd(clrType, type =>
            typeof(IAccessControlled).IsAssignableFrom(type)
            && type.GetProperty(nameof(IAccessControlled.SecuredObject), BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is SecuredObject secured
                ? secured.Key
                : char.ToLowerInvariant(type.Name[0]) + type.Name[1..]);

    /// <summary>Who acts in the context: a user, a user's token, or the system.</summary>
    internal static ActorKind KindOf(CurrentUser actor) =>
        !actor.IsAuthenticated ? ActorKind.System : actor.TokenId is null ? ActorKind.User : ActorKind.Token;

    internal static string? Serialize(object? detail)
    {
        if (detail is null)
        {
            return null;
        }

        var json = JsonSerializer.Serialize(detail, DetailJson);
        return json.Length <= MaxDetailLength
            ? json
            : throw new ArgumentException($"The audit detail is {json.Length} characters long; keep it under {MaxDetailLength} (ids and counts, not lists of records).", nameof(detail));
    }

    private static AuditEntry Add(KontorDb db, AuditAction action, string? recordType, Guid? recordId, object? detail) =>
        AddInTenant(db, db.Tenant.TenantId ?? throw new InvalidOperationException("An audit entry needs a tenant; this scope has none."), action, recordType, recordId, detail);

    private static AuditEntry AddInTenant(KontorDb db, Guid tenantId, AuditAction action, string? recordType, Guid? recordId, object? detail)
    {
        var entry = new AuditEntry(tenantId, action, recordType, recordId, Serialize(detail), db.Actor.ActorId, KindOf(db.Actor), db.Actor.Channel);
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }
}
