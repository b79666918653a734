using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Platform.Data;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Customers.Duplicates;

/// <summary>Why a record looks like a duplicate; the values travel as they are in the API.</summary>
public static class DuplicateReasons
{
    public const string VatId = "vatId";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Name = "name";

    /// <summary>Accounts: same billing postal code and a name at least <see cref="DuplicateFinder.SimilarNameThreshold"/> similar.</summary>
    public const string SimilarName = "similarNameSamePostalCode";

    /// <summary>Contacts: same first and last name at the same account.</summary>
    public const string NameAtSameAccount = "nameAtSameAccount";
}

/// <summary>A visible record that looks like the one being saved, and why.</summary>
public sealed record DuplicateCandidate(Guid Id, string Name, IReadOnlyList<string> Reasons);

/// <summary>The match keys of an account, stored or about to be saved.</summary>
public sealed record AccountMatch(string MatchName, string? VatId, string? Email, string? Phone, string? PostalCode)
{
    public static AccountMatch Of(Account account) =>
        new(account.MatchName, account.VatId, account.Email, account.Phone, account.MatchPostalCode);

    /// <summary>The keys of account fields as <see cref="Account.Apply"/> would store them.</summary>
    public static AccountMatch Of(AccountFields fields) => new(
        CompanyNames.Normalize(fields.Name),
        Normalize.VatId(fields.VatId),
        Normalize.Email(fields.Email),
        fields.Phone,
        MatchKeys.PostalCode(fields.BillingAddress.PostalCode));
}

/// <summary>The match keys of a contact, stored or about to be saved.</summary>
public sealed record ContactMatch(string? MatchName, Guid? AccountId, string? Email, string? Phone, string? MobilePhone)
{
    public static ContactMatch Of(Contact contact) =>
        new(contact.MatchName, contact.AccountId, contact.Email, contact.Phone, contact.MobilePhone);

    /// <summary>The keys of contact fields as <see cref="Contact.Apply"/> would store them.</summary>
    public static ContactMatch Of(ContactFields fields) =>
        new(MatchKeys.PersonName(fields.FirstName, fields.LastName), fields.AccountId, Normalize.Email(fields.Email), fields.Phone, fields.MobilePhone);

    internal string[] Phones => [.. new[] { Phone, MobilePhone }.OfType<string>().Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// Finds likely duplicates of an account or contact among the records the current user can see (the record-access
/// filter applies: invisible duplicates are never disclosed, other tenants never considered). Every lookup is an
/// equality match on an indexed match key; "similar name" compares names only within one postal code.
/// </summary>
public static class DuplicateFinder
{
    /// <summary>Names count as similar from this Levenshtein similarity of their match keys on (0.8: two typos in ten letters).</summary>
    public const double SimilarNameThreshold = 0.8;

    /// <summary>Most candidates read per match key; a key shared by more records is no useful hint beyond these.</summary>
    public const int MaxPerKey = 20;

    /// <summary>Most accounts of one postal code compared by name similarity.</summary>
    public const int MaxPerPostalCode = 500;

    /// <summary>Likely duplicates of an account, best first; <paramref name="excludeId"/> is the account itself when it is changed.</summary>
    public static async Task<IReadOnlyList<DuplicateCandidate>> FindAccountsAsync(KontorDb db, AccountMatch match, Guid? excludeId, CancellationToken ct)
    {
        var accounts = db.Accounts.AsNoTracking().Where(a => a.Id != excludeId);
        var rows = new Dictionary<Guid, AccountRow>();
        async Task AddAsync(IQueryable<Account> query)
        {
            foreach (var row in await query.Take(MaxPerKey).Select(a => new AccountRow(a.Id, a.Name, a.MatchName, a.VatId, a.Email, a.Phone, a.MatchPostalCode)).ToListAsync(ct))
            {
                rows.TryAdd(row.Id, row);
            }
        }

        if (match.MatchName.Length > 0)
        {
            await AddAsync(accounts.Where(a => a.MatchName == match.MatchName));
        }

        if (match.VatId is { } vatId)
        {
            await AddAsync(accounts.Where(a => a.VatId == vatId));
        }

        if (match.Email is { } email)
        {
            await AddAsync(accounts.Where(a => a.Email == email));
        }

        if (match.Phone is { } phone)
        {
            await AddAsync(accounts.Where(a => a.Phone == phone));
        }

        var similar = new HashSet<Guid>();
        if (match.PostalCode is { } postalCode && match.MatchName.Length > 0)
        {
            var neighbours = await accounts.Where(a => a.MatchPostalCode == postalCode)
                .OrderBy(a => a.Id)
                .Take(MaxPerPostalCode)
                .Select(a => new AccountRow(a.Id, a.Name, a.MatchName, a.VatId, a.Email, a.Phone, a.MatchPostalCode))
                .ToListAsync(ct);
            foreach (var row in neighbours.Where(r => r.MatchName != match.MatchName && CompanyNames.Similarity(r.MatchName, match.MatchName) >= SimilarNameThreshold))
            {
                rows.TryAdd(row.Id, row);
                similar.Add(row.Id);
            }
        }

        return Rank(rows.Values.Select(row => new DuplicateCandidate(row.Id, row.Name, ReasonsOf(row, match, similar.Contains(row.Id)))));
    }

    /// <summary>Likely duplicates of a contact, best first; <paramref name="excludeId"/> is the contact itself when it is changed.</summary>
    public static async Task<IReadOnlyList<DuplicateCandidate>> FindContactsAsync(KontorDb db, ContactMatch match, Guid? excludeId, CancellationToken ct)
    {
        var contacts = db.Contacts.AsNoTracking().Where(c => c.Id != excludeId);
        var rows = new Dictionary<Guid, ContactRow>();
        async Task AddAsync(IQueryable<Contact> query)
        {
            foreach (var row in await query.Take(MaxPerKey)
                         .Select(c => new ContactRow(c.Id, c.FirstName, c.LastName, c.MatchName, c.AccountId, c.Email, c.Phone, c.MobilePhone))
                         .ToListAsync(ct))
            {
                rows.TryAdd(row.Id, row);
            }
        }

        if (match.Email is { } email)
        {
            await AddAsync(contacts.Where(c => c.Email == email));
        }

        var phones = match.Phones;
        if (phones.Length > 0)
        {
            await AddAsync(contacts.Where(c => c.Phone != null && phones.Contains(c.Phone)));
            await AddAsync(contacts.Where(c => c.MobilePhone != null && phones.Contains(c.MobilePhone)));
        }

        if (match is { MatchName: { } name, AccountId: { } accountId })
        {
            await AddAsync(contacts.Where(c => c.MatchName == name && c.AccountId == accountId));
        }

        return Rank(rows.Values.Select(row => new DuplicateCandidate(row.Id, $"{row.FirstName} {row.LastName}".Trim(), ReasonsOf(row, match))));
    }

    private static List<DuplicateCandidate> Rank(IEnumerable<DuplicateCandidate> candidates) =>
        [.. candidates.Where(c => c.Reasons.Count > 0).OrderByDescending(c => c.Reasons.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Id)];

    private static List<string> ReasonsOf(AccountRow row, AccountMatch match, bool similarName)
    {
        var reasons = new List<string>();
        if (match.VatId is not null && row.VatId == match.VatId)
        {
            reasons.Add(DuplicateReasons.VatId);
        }

        if (match.Email is not null && row.Email == match.Email)
        {
            reasons.Add(DuplicateReasons.Email);
        }

        if (match.Phone is not null && row.Phone == match.Phone)
        {
            reasons.Add(DuplicateReasons.Phone);
        }

        if (match.MatchName.Length > 0 && row.MatchName == match.MatchName)
        {
            reasons.Add(DuplicateReasons.Name);
        }
        else if (similarName)
        {
            reasons.Add(DuplicateReasons.SimilarName);
        }

        return reasons;
    }

    private static List<string> ReasonsOf(ContactRow row, ContactMatch match)
    {
        var reasons = new List<string>();
        if (match.Email is not null && row.Email == match.Email)
        {
            reasons.Add(DuplicateReasons.Email);
        }

        if (match.Phones.Any(p => p == row.Phone || p == row.MobilePhone))
        {
            reasons.Add(DuplicateReasons.Phone);
        }

        if (match.MatchName is not null && match.AccountId is not null && row.MatchName == match.MatchName && row.AccountId == match.AccountId)
        {
            reasons.Add(DuplicateReasons.NameAtSameAccount);
        }

        return reasons;
    }

    private sealed record AccountRow(Guid Id, string Name, string MatchName, string? VatId, string? Email, string? Phone, string? PostalCode);

    private sealed record ContactRow(Guid Id, string? FirstName, string LastName, string? MatchName, Guid? AccountId, string? Email, string? Phone, string? MobilePhone);
}
