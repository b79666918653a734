using Kontor.Platform.Http;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Search;

/// <summary>One word of a search: its folded text and, when it looks like a phone number, its digits.</summary>
public sealed record SearchTerm(string Text, string? Digits);

/// <summary>Splits a search box entry into the words that must all match.</summary>
public static class SearchTerms
{
    /// <summary>More words than this are ignored; each extra word narrows the result further anyway.</summary>
    public const int MaxTerms = 6;

    public static IReadOnlyList<SearchTerm> Split(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return [];
        }

        // A phone number typed with spaces ("0711 123 45") is one term, not three.
        if (SearchText.LooksLikePhone(search))
        {
            return [new SearchTerm(SearchText.Fold(search), SearchText.PhoneDigits(search))];
        }

        return [.. SearchText.Fold(search)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .Take(MaxTerms)
            .Select(word => new SearchTerm(word, null))];
    }
}

/// <summary>The <c>owner</c> filter of lists: a user id or <c>me</c>.</summary>
public static class OwnerFilter
{
    public static Guid? Parse(string? owner, CurrentUser user)
    {
        if (string.IsNullOrWhiteSpace(owner))
        {
            return null;
        }

        if (string.Equals(owner, "me", StringComparison.OrdinalIgnoreCase))
        {
            return user.Id;
        }

        return Guid.TryParse(owner, out var id)
            ? id
            : throw RequestValidationException.For("owner", "Use a user id or 'me'.");
    }
}
