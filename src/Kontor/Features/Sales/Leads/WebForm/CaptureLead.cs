using System.Globalization;
using System.Text.Json;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Shared;
using Kontor.Platform.Access;
using Kontor.Platform.Data;
using Kontor.Platform.Http;
using Kontor.Platform.Identity;
using Kontor.Platform.Tenancy;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Features.Sales.Leads.WebForm;

/// <summary>What a visitor sends through the public web-to-lead form (JSON or an HTML form post).</summary>
public sealed class CaptureLeadRequest
{
    public Salutation Salutation { get; set; }

    [MaxChars(100)]
    public string? FirstName { get; set; }

    [Mandatory, MaxChars(100)]
    public string LastName { get; set; } = "";

    [MaxChars(200)]
    public string? Company { get; set; }

    [MaxChars(150)]
    public string? Title { get; set; }

    [Mandatory, MaxChars(254), Email]
    public string? Email { get; set; }

    [MaxChars(40), PhoneNumber]
    public string? Phone { get; set; }

    [MaxChars(200)]
    public string? Street { get; set; }

    [MaxChars(20)]
    public string? PostalCode { get; set; }

    [MaxChars(100)]
    public string? City { get; set; }

    [CountryCode]
    public string? Country { get; set; }

    [MaxChars(100)]
    public string? Segment { get; set; }

    [MaxChars(100)]
    public string? Campaign { get; set; }

    /// <summary>What the visitor wrote; kept as the lead's description.</summary>
    [MaxChars(4000)]
    public string? Message { get; set; }

    /// <summary>The visitor ticked the consent box; required.</summary>
    public bool Consent { get; set; }

    /// <summary>The language of the consent text shown (<c>de</c> or <c>en</c>); the request's language when left out.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The honeypot: a field hidden from people (named like a real one so form-filling robots fill it). A request with a
    /// value here is answered like any other and nothing is stored.
    /// </summary>
    public string? Website { get; set; }
}

/// <summary>The outcome of a capture: stored, or silently dropped as spam.</summary>
public enum CaptureOutcome
{
    Stored,
    Dropped,
}

internal static class CaptureLead
{
    public const string RateLimitPolicy = "web-to-lead";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/public/leads/{formKey}", async Task<Results<Accepted<CaptureAnswer>, RedirectHttpResult, NotFound>> (
                string formKey, HttpRequest http, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct) =>
            {
                var isForm = http.HasFormContentType;
                var request = isForm ? FromForm(await http.ReadFormAsync(ct)) : await FromJsonAsync(http, ct);
                var outcome = await ExecuteAsync(formKey, request, scopes, clock, ct);
                if (outcome is null)
                {
                    return TypedResults.NotFound();
                }

                // A plain HTML form on another site posts here; its visitor sees the form's thank-you page.
                return isForm
                    ? TypedResults.Redirect($"/forms/lead/{Uri.EscapeDataString(formKey)}?sent=true")
                    : TypedResults.Accepted((string?)null, new CaptureAnswer("received"));
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Web-to-lead")
            .WithName(nameof(CaptureLead))
            .WithSummary("Send a lead through the public web-to-lead form")
            .WithDescription("Anonymous. Accepts JSON or an HTML form post (application/x-www-form-urlencoded, answered with a redirect to the form's thank-you page). consent must be true. The lead goes through the tenant's assignment rules and records the consent text shown in the visitor's language. Unknown form key: 404. Rate-limited per client address and form key (429 with Retry-After).")
            .Accepts<CaptureLeadRequest>("application/json", "application/x-www-form-urlencoded")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// Shared by the endpoint and the public form page. Null when no tenant has this form key. Runs in a scope of its
    /// own, bound to the form's tenant and acting for the system, whoever (if anyone) is signed in in the browser.
    /// </summary>
    public static async Task<CaptureOutcome?> ExecuteAsync(string formKey, CaptureLeadRequest request, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        if (LeadFormSettings.TenantOf(formKey) is not { } tenantId)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().Use(tenantId);
        services.GetRequiredService<AccessScope>().Unrestrict();
        var db = services.GetRequiredService<KontorDb>();
        var form = await db.LeadFormSettings.AsNoTracking().SingleOrDefaultAsync(s => s.FormKey == formKey, ct);
        if (form is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(request.Website))
        {
            return CaptureOutcome.Dropped;
        }

        var errors = RequestValidator.Validate(request);
        if (!request.Consent)
        {
            errors["consent"] = [LeadsText.Message("Please agree to be contacted.")];
        }

        var lead = new LeadRequest
        {
            Salutation = request.Salutation,
            FirstName = request.FirstName,
            LastName = request.LastName ?? "",
            Company = request.Company,
            Title = request.Title,
            Email = request.Email,
            Phone = request.Phone,
            Address = new AddressRequest { Street = request.Street, PostalCode = request.PostalCode, City = request.City, Country = request.Country },
            Source = form.Source,
            Campaign = request.Campaign,
            Segment = request.Segment,
            Status = LeadStatus.New,
            Description = request.Message,
        };
        var country = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.DefaultCountry).SingleAsync(ct);
        LeadFields fields;
        try
        {
            fields = await lead.ResolveAsync(stored: null, db, services.GetRequiredService<CurrentUser>(), ct, country);
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                errors.TryAdd(field, messages);
            }

            throw new RequestValidationException(errors);
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var entity = new Lead(fields);
        entity.RecordConsent(ConsentText(form, Language(request.Language)), clock.GetUtcNow());
        await CreateLead.SaveNewAsync(db, entity, assign: true, ct);
        return CaptureOutcome.Stored;
    }

    /// <summary>The form's settings in the visitor's language, for the page; null for an unknown key.</summary>
    public static async Task<(LeadFormSettings Form, string ConsentText)?> FindFormAsync(string formKey, IServiceScopeFactory scopes, CancellationToken ct)
    {
        if (LeadFormSettings.TenantOf(formKey) is not { } tenantId)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<KontorDb>();
        var form = await db.LeadFormSettings.AsNoTracking().SingleOrDefaultAsync(s => s.FormKey == formKey, ct);
        return form is null ? null : (form, ConsentText(form, Language(null)));
    }

    /// <summary>The consent text shown in a language: the tenant's own, else the built-in one.</summary>
    public static string ConsentText(LeadFormSettings form, string language) => language == "de"
        ? form.ConsentTextGerman ?? LeadFormTexts.DefaultConsentGerman
        : form.ConsentTextEnglish ?? LeadFormTexts.DefaultConsentEnglish;

    private static string Language(string? requested) =>
        (Normalize.Text(requested)?.ToLowerInvariant() ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) == "de" ? "de" : "en";

    private static CaptureLeadRequest FromForm(IFormCollection form) => new()
    {
        Salutation = Enum.TryParse<Salutation>(form["salutation"], ignoreCase: true, out var salutation) ? salutation : Salutation.None,
        FirstName = form["firstName"],
        LastName = form["lastName"].ToString(),
        Company = form["company"],
        Title = form["title"],
        Email = form["email"],
        Phone = form["phone"],
        Street = form["street"],
        PostalCode = form["postalCode"],
        City = form["city"],
        Country = form["country"],
        Segment = form["segment"],
        Campaign = form["campaign"],
        Message = form["message"],
        Consent = form["consent"].ToString() is "true" or "on" or "1" or "yes",
        Language = form["language"],
        Website = form["website"],
    };

    private static async Task<CaptureLeadRequest> FromJsonAsync(HttpRequest http, CancellationToken ct)
    {
        try
        {
            return await http.ReadFromJsonAsync<CaptureLeadRequest>(JsonSerializerOptions.Web, ct)
                ?? throw RequestValidationException.For("body", "Send the lead as a JSON object.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw RequestValidationException.For("body", "The body is not a valid JSON lead.");
        }
    }
}

/// <summary>The answer to an accepted capture; the same whether the lead was stored or dropped as spam.</summary>
public sealed record CaptureAnswer(string Status);

/// <summary>The built-in consent texts of the web-to-lead form.</summary>
internal static class LeadFormTexts
{
    public const string DefaultConsentEnglish =
        "I agree that my details are stored and used to answer my enquiry and to contact me about it. I can withdraw this consent at any time.";

    public const string DefaultConsentGerman =
        "Ich bin damit einverstanden, dass meine Angaben gespeichert und verwendet werden, um meine Anfrage zu beantworten und mich dazu zu kontaktieren. Ich kann diese Einwilligung jederzeit widerrufen.";
}
