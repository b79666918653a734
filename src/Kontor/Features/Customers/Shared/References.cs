using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Shared;

/// <summary>Collects field errors while a slice resolves references and normalises values.</summary>
internal sealed class FieldErrors(Dictionary<string, string[]> errors)
{
    public bool Any => errors.Count > 0;

    public void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new Platform.Http.RequestValidationException(errors);
        }
    }

    /// <summary>The E.164 form of a phone field, or an error on that field.</summary>
    public string? Phone(string field, string? value, string country)
    {
        if (Normalize.Text(value) is null)
        {
            return null;
        }

        var e164 = Normalize.PhoneE164(value, country);
        if (e164 is null && !errors.ContainsKey(field))
        {
            Add(field, string.Format(System.Globalization.CultureInfo.CurrentCulture, ValidationMessages.PhoneNumberInvalidForCountry, Countries.DisplayName(country)));
        }

        return e164;
    }
}

/// <summary>
/// What a caller that resolves many requests at once (an import batch) has looked up for all of them in one query
/// each, so resolving a single request need not ask the database again. Whatever is not named here is checked as usual.
/// </summary>
internal sealed class KnownReferences
{
    /// <summary>External ids no record of the tenant has, in the recycle bin or invisible to the user included.</summary>
    public HashSet<string> FreeExternalIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Accounts the user can see, with their billing country (for reading phone numbers).</summary>
    public Dictionary<Guid, string?> VisibleAccounts { get; } = [];

    /// <summary>The tenant's segments by key, read on first use.</summary>
    public Dictionary<string, Segments.SegmentChoice>? Segments { get; set; }
}

/// <summary>
/// Checks that referenced users, teams and accounts exist for the current user. On an update only references that
/// change are checked: a record keeps its deactivated owner or its deleted parent until someone changes them.
/// </summary>
internal static class References
{
    /// <summary>
    /// The owner of a new or changed record. On create a missing owner means the current user; on update the owner
    /// cannot be cleared, only handed to another active user of the tenant.
    /// </summary>
    public static async Task<Guid> OwnerAsync(KontorDb db, CurrentUser user, Guid? requested, Guid? stored, FieldErrors errors, string field, CancellationToken ct)
    {
        if (requested is null)
        {
            if (stored is not null)
            {
                errors.Add(field, ValidationMessages.Mandatory);
            }

            return stored ?? user.Id;
        }

        if (requested != stored && requested != user.Id && !await db.Users.AnyAsync(u => u.Id == requested && u.IsActive, ct))
        {
            errors.Add(field, ValidationMessages.UnknownUser);
        }

        return requested.Value;
    }

    public static async Task TeamAsync(KontorDb db, Guid? requested, Guid? stored, FieldErrors errors, string field, CancellationToken ct)
    {
        if (requested is not null && requested != stored && !await db.Teams.AnyAsync(t => t.Id == requested, ct))
        {
            errors.Add(field, ValidationMessages.UnknownTeam);
        }
    }

    public static async Task AccountAsync(KontorDb db, Guid? requested, Guid? stored, FieldErrors errors, string field, CancellationToken ct, KnownReferences? known = null)
    {
        if (requested is not null && requested != stored && known?.VisibleAccounts.ContainsKey(requested.Value) != true
            && !await db.Accounts.AnyAsync(a => a.Id == requested, ct))
        {
            errors.Add(field, ValidationMessages.UnknownAccount);
        }
    }
}
