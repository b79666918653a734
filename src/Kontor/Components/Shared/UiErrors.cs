using Kontor.Platform.Http;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kontor.Components.Shared;

/// <summary>The readable, localised message a page shows when a slice refuses an action.</summary>
internal static class UiErrors
{
    /// <summary>Null for exceptions a page does not expect; those surface as errors of the circuit.</summary>
    public static string? Describe(Exception exception, IStringLocalizer<SharedText> l) => exception switch
    {
        ForbiddenException => l["You are not allowed to do this. Ask the record's owner or an administrator."],
        PreconditionFailedException or DbUpdateConcurrencyException => l["Someone else changed this record while you were editing it. Reload the page to see the current version, then apply your change again."],
        BusinessRuleException rule => rule.Message,
        RequestValidationException => l["Please correct the marked fields."],
        _ => null,
    };
}
