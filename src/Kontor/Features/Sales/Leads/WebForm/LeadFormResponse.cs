namespace Kontor.Features.Sales.Leads.WebForm;

/// <summary>The tenant's web-to-lead form as administrators see it.</summary>
/// <param name="FormKey">The secret part of the form's addresses; regenerate it to retire the old addresses.</param>
/// <param name="FormPath">The public form page.</param>
/// <param name="EndpointPath">Where other websites post leads (JSON or form post).</param>
/// <param name="KeyCreatedAt">When the key was made.</param>
/// <param name="ConsentTextEnglish">The tenant's English consent text; null: the built-in one.</param>
/// <param name="ConsentTextGerman">The tenant's German consent text; null: the built-in one.</param>
/// <param name="Source">The source given to leads from the form.</param>
public sealed record LeadFormResponse(
    string FormKey,
    string FormPath,
    string EndpointPath,
    DateTimeOffset KeyCreatedAt,
    string? ConsentTextEnglish,
    string? ConsentTextGerman,
    string Source)
{
    public static LeadFormResponse Of(LeadFormSettings form) => new(
        form.FormKey,
        $"/forms/lead/{form.FormKey}",
        $"/api/public/leads/{form.FormKey}",
        form.KeyCreatedAt,
        form.ConsentTextEnglish,
        form.ConsentTextGerman,
        form.Source);
}

/// <summary>Body of <c>PUT /api/lead-form</c>; also the model of the settings page.</summary>
public sealed class LeadFormRequest
{
    /// <summary>Null or empty: the built-in English text.</summary>
    [Platform.Validation.MaxChars(2000)]
    public string? ConsentTextEnglish { get; set; }

    /// <summary>Null or empty: the built-in German text.</summary>
    [Platform.Validation.MaxChars(2000)]
    public string? ConsentTextGerman { get; set; }

    /// <summary>The source given to leads from the form; "Web form" when empty.</summary>
    [Platform.Validation.MaxChars(100)]
    public string? Source { get; set; }
}
