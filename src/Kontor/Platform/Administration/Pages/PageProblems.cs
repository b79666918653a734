using Kontor.Platform.Http;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Platform.Administration.Pages;

/// <summary>
/// Turns what an administration slice throws into what a page shows: a readable message for 400, 403, 409 and
/// 412 and the field errors beside their inputs. The messages are already in the user's language or are
/// translated here (texts of ASP.NET Core Identity, for instance).
/// </summary>
/// <param name="localizer">Translates the messages.</param>
/// <param name="shownFields">Fields whose errors the page shows beside their inputs; the others are listed in <see cref="Details"/>.</param>
public sealed class PageProblems(IStringLocalizer<AdminText> localizer, params string[] shownFields)
{
    private Dictionary<string, string[]> fields = [];

    /// <summary>The headline of the problem, or null when the last operation succeeded.</summary>
    public string? Message { get; private set; }

    /// <summary>The errors of fields the page has no input for, as readable lines.</summary>
    public IReadOnlyList<string> Details { get; private set; } = [];

    public bool HasError(string field) => fields.ContainsKey(field);

    public string? ErrorText(string field) => fields.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public void Clear()
    {
        fields = [];
        Message = null;
        Details = [];
    }

    /// <summary>Runs an operation; true when it succeeded, false when its problem is now shown.</summary>
    public async Task<bool> RunAsync(Func<Task> operation)
    {
        Clear();
        try
        {
            await operation();
            return true;
        }
        catch (RequestValidationException invalid)
        {
            fields = invalid.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => localizer[m].Value).ToArray(), StringComparer.Ordinal);
            Message = localizer["Please correct the marked fields."];
            Details = [.. fields.Where(f => !shownFields.Contains(f.Key)).SelectMany(f => f.Value)];
        }
        catch (BusinessRuleException rule)
        {
            Message = localizer[rule.Message];
        }
        catch (ForbiddenException forbidden)
        {
            Message = localizer["Not allowed: {0}", localizer[forbidden.Message].Value];
        }
        catch (Exception stale) when (stale is PreconditionFailedException or DbUpdateConcurrencyException)
        {
            Message = localizer["Someone else changed this record while you were editing it. Reload the page and apply your change again."];
        }

        return false;
    }
}
