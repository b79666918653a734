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

/// <summary>Checks that referenced users, teams and accounts exist for the current user.</summary>
internal static class References
{
    /// <summary>The owner of a new or changed record: the given active user of the tenant, or the current user.</summary>
    public static async Task<Guid> OwnerAsync(KontorDb db, CurrentUser user, Guid? ownerId, FieldErrors errors, string field, CancellationToken ct)
    {
        if (ownerId is null || ownerId == user.Id)
        {
            return user.Id;
        }

        if (!await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive, ct))
        {
            errors.Add(field, ValidationMessages.UnknownUser);
        }

        return ownerId.Value;
    }

    public static async Task TeamAsync(KontorDb db, Guid? teamId, FieldErrors errors, string field, CancellationToken ct)
    {
        if (teamId is not null && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            errors.Add(field, ValidationMessages.UnknownTeam);
        }
    }

    public static async Task AccountAsync(KontorDb db, Guid? accountId, FieldErrors errors, string field, CancellationToken ct)
    {
        if (accountId is not null && !await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
        {
            errors.Add(field, ValidationMessages.UnknownAccount);
        }
    }
}
