using Kontor.Platform.Data;
using Kontor.Platform.Http;

namespace Kontor.Features.Customers.Duplicates;

/// <summary>
/// The duplicate check of creating and changing accounts and contacts: a 409 listing the candidates unless the
/// caller said to save anyway (<c>?allowDuplicates=true</c>). A change is checked only when a match key changes,
/// and only candidates found through a changed key are reported.
/// </summary>
public static class DuplicateCheck
{
    /// <summary>The query parameter that saves despite likely duplicates.</summary>
    public const string AllowParameter = "allowDuplicates";

    /// <summary>The member of the 409 problem that lists the candidates.</summary>
    public const string ProblemMember = "duplicates";

    public const string OpenApiNote =
        "Answers 409 with the likely duplicates the caller can see (member duplicates: id, name, reasons) unless allowDuplicates=true is passed in the query.";

    internal static async Task AccountAsync(KontorDb db, AccountMatch? before, AccountMatch after, Guid? id, CancellationToken ct)
    {
        if (after == before)
        {
            return;
        }

        var found = await DuplicateFinder.FindAccountsAsync(db, after, id, ct);
        ThrowIfAny(before is null ? found : OnlyChanged(found, reason => reason switch
        {
            DuplicateReasons.VatId => before.VatId != after.VatId,
            DuplicateReasons.Email => before.Email != after.Email,
            DuplicateReasons.Phone => before.Phone != after.Phone,
            DuplicateReasons.Name => before.MatchName != after.MatchName,
            _ => before.MatchName != after.MatchName || before.PostalCode != after.PostalCode,
        }), "An account with the same name, VAT ID, e-mail or phone number may already exist.");
    }

    internal static async Task ContactAsync(KontorDb db, ContactMatch? before, ContactMatch after, Guid? id, CancellationToken ct)
    {
        if (after == before)
        {
            return;
        }

        var found = await DuplicateFinder.FindContactsAsync(db, after, id, ct);
        ThrowIfAny(before is null ? found : OnlyChanged(found, reason => reason switch
        {
            DuplicateReasons.Email => before.Email != after.Email,
            DuplicateReasons.Phone => before.Phone != after.Phone || before.MobilePhone != after.MobilePhone,
            _ => before.MatchName != after.MatchName || before.AccountId != after.AccountId,
        }), "A contact with the same e-mail, phone number or name at this account may already exist.");
    }

    /// <summary>The candidates a refused save listed, for the pages; null when the exception is no duplicate refusal.</summary>
    public static IReadOnlyList<DuplicateCandidate>? CandidatesOf(Exception exception) =>
        exception is BusinessRuleException rule && rule.Extensions.TryGetValue(ProblemMember, out var found) ? found as IReadOnlyList<DuplicateCandidate> : null;

    private static List<DuplicateCandidate> OnlyChanged(IReadOnlyList<DuplicateCandidate> found, Func<string, bool> changed) =>
        [.. found.Where(c => c.Reasons.Any(changed))];

    private static void ThrowIfAny(IReadOnlyList<DuplicateCandidate> found, string rule)
    {
        if (found.Count > 0)
        {
            throw new BusinessRuleException(rule) { Extensions = new Dictionary<string, object?> { [ProblemMember] = found } };
        }
    }
}
