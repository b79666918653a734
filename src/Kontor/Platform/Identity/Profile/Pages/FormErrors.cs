using Kontor.Platform.Http;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Kontor.Platform.Identity.Profile.Pages;

/// <summary>Shows the field errors of a slice next to the form fields they name, in the user's language.</summary>
internal static class FormErrors
{
    /// <summary>Adds each error to its field (matched by JSON name); returns the errors that name no field of the model.</summary>
    public static List<string> Show(RequestValidationException error, EditContext form, ValidationMessageStore messages, IStringLocalizer localizer)
    {
        var unmatched = new List<string>();
        var properties = form.Model.GetType().GetProperties();
        foreach (var (key, texts) in error.Errors)
        {
            var translated = texts.Select(t => localizer[t].Value).ToList();
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                unmatched.AddRange(translated);
            }
            else
            {
                messages.Add(new FieldIdentifier(form.Model, property.Name), translated);
            }
        }

        form.NotifyValidationStateChanged();
        return unmatched;
    }
}
