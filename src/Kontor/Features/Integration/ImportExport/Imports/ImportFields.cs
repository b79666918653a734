using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Sales.Leads;
using Kontor.Platform.Search;
using Kontor.Platform.Validation;

namespace Kontor.Features.Integration.ImportExport.Imports;

/// <summary>
/// A field a column can be mapped to. <see cref="Key"/> is the entity and the request's JSON path
/// (<c>account.billingAddress.city</c>), so validation errors of the request lead back to the column.
/// </summary>
/// <param name="Key">The field's key, e.g. <c>contact.lastName</c>.</param>
/// <param name="Label">The field's name in the wizard (English; translated there).</param>
/// <param name="Required">Every import of the target must map it.</param>
/// <param name="Headers">Column headers (folded) that suggest this field, in English and German.</param>
public sealed record ImportField(string Key, string Label, bool Required, string[] Headers)
{
    public bool IsAccount => Key.StartsWith(ImportFields.AccountPrefix, StringComparison.Ordinal);

    public bool IsLead => Key.StartsWith(ImportFields.LeadPrefix, StringComparison.Ordinal);
}

/// <summary>The fields an import can fill, and how a row's cells become an <see cref="AccountRequest"/>, a <see cref="ContactRequest"/> or a <see cref="LeadRequest"/>.</summary>
public static class ImportFields
{
    public const string AccountPrefix = "account.";
    public const string ContactPrefix = "contact.";

    public const string AccountOwnerEmail = "account.ownerEmail";
    public const string ContactOwnerEmail = "contact.ownerEmail";
    public const string ContactAccountExternalId = "contact.accountExternalId";
    public const string ContactAccountName = "contact.accountName";

    public const string LeadPrefix = "lead.";
    public const string LeadExternalId = "lead.externalId";
    public const string LeadOwnerEmail = "lead.ownerEmail";
    public const string LeadConsentText = "lead.consentText";
    public const string LeadConsentedAt = "lead.consentedAt";

    public static IReadOnlyList<ImportField> Account { get; } =
    [
        new("account.externalId", "External id", false, ["external id", "externalid", "id", "account id", "kundennummer", "kunden-nr", "kundennr", "debitor", "debitorennummer", "externe id"]),
        new("account.name", "Company name", true, ["company", "company name", "account", "account name", "name", "firma", "firmenname", "unternehmen", "name 1", "name1"]),
        new("account.industry", "Industry", false, ["industry", "branche"]),
        new("account.segment", "Segment", false, ["segment", "kundensegment"]),
        new("account.vatId", "VAT ID", false, ["vat id", "vat", "vat number", "ust-idnr", "ust-id", "ustid", "umsatzsteuer-id"]),
        new("account.website", "Website", false, ["website", "web", "url", "homepage", "internet", "webseite"]),
        new("account.phone", "Phone", false, ["phone", "telephone", "telefon", "tel", "tel.", "telefonnummer"]),
        new("account.email", "E-mail", false, ["email", "e-mail", "mail", "e-mail-adresse", "email address"]),
        new("account.billingAddress.street", "Street", false, ["street", "address", "strasse", "straße", "anschrift", "adresse"]),
        new("account.billingAddress.postalCode", "Postal code", false, ["postal code", "postcode", "zip", "zip code", "plz", "postleitzahl"]),
        new("account.billingAddress.city", "City", false, ["city", "town", "ort", "stadt", "wohnort"]),
        new("account.billingAddress.region", "Region", false, ["region", "state", "bundesland"]),
        new("account.billingAddress.country", "Country (ISO code)", false, ["country", "land", "country code", "laenderkennzeichen"]),
        new("account.description", "Description", false, ["description", "notes", "beschreibung", "bemerkung", "notiz"]),
        new(AccountOwnerEmail, "Owner (e-mail)", false, ["owner", "owner email", "betreuer", "verantwortlich"]),
    ];

    public static IReadOnlyList<ImportField> Contact { get; } =
    [
        new("contact.externalId", "External id", false, ["external id", "externalid", "id", "contact id", "kontakt-id", "ansprechpartner-id", "externe id"]),
        new("contact.salutation", "Salutation", false, ["salutation", "anrede"]),
        new("contact.title", "Title", false, ["title", "titel"]),
        new("contact.firstName", "First name", false, ["first name", "firstname", "given name", "vorname"]),
        new("contact.lastName", "Last name", true, ["last name", "lastname", "surname", "family name", "name", "nachname"]),
        new("contact.jobTitle", "Job title", false, ["job title", "position", "funktion", "job"]),
        new("contact.email", "E-mail", false, ["email", "e-mail", "mail", "e-mail-adresse", "email address"]),
        new("contact.phone", "Phone", false, ["phone", "telephone", "telefon", "tel", "tel.", "durchwahl"]),
        new("contact.mobilePhone", "Mobile phone", false, ["mobile", "mobile phone", "cell", "handy", "mobil", "mobiltelefon"]),
        new("contact.preferredLanguage", "Language", false, ["language", "sprache"]),
        new("contact.description", "Description", false, ["description", "notes", "beschreibung", "bemerkung", "notiz"]),
        new(ContactOwnerEmail, "Owner (e-mail)", false, ["owner", "owner email", "betreuer", "verantwortlich"]),
        new(ContactAccountExternalId, "Account external id", false, ["account external id", "account id", "kundennummer", "firmen-id"]),
        new(ContactAccountName, "Account name", false, ["company", "account", "account name", "firma", "firmenname", "unternehmen"]),
    ];

    /// <summary>A lead as an old system or a trade-fair list holds it; the keys are the JSON paths of <see cref="LeadRequest"/>.</summary>
    public static IReadOnlyList<ImportField> Lead { get; } =
    [
        new(LeadExternalId, "External id", false, ["external id", "externalid", "id", "lead id", "lead-id", "lead number", "lead-nr", "externe id"]),
        new("lead.salutation", "Salutation", false, ["salutation", "anrede"]),
        new("lead.firstName", "First name", false, ["first name", "firstname", "given name", "vorname"]),
        new("lead.lastName", "Last name", true, ["last name", "lastname", "surname", "family name", "name", "nachname"]),
        new("lead.company", "Company", false, ["company", "company name", "organisation", "organization", "account", "firma", "firmenname", "unternehmen"]),
        new("lead.title", "Job title", false, ["job title", "title", "position", "funktion", "job", "berufsbezeichnung"]),
        new("lead.email", "E-mail", false, ["email", "e-mail", "mail", "e-mail-adresse", "email address"]),
        new("lead.phone", "Phone", false, ["phone", "telephone", "telefon", "tel", "tel.", "telefonnummer"]),
        new("lead.address.street", "Street", false, ["street", "address", "strasse", "straße", "anschrift", "adresse"]),
        new("lead.address.postalCode", "Postal code", false, ["postal code", "postcode", "zip", "zip code", "plz", "postleitzahl"]),
        new("lead.address.city", "City", false, ["city", "town", "ort", "stadt", "wohnort"]),
        new("lead.address.region", "Region", false, ["region", "state", "bundesland"]),
        new("lead.address.country", "Country (ISO code)", false, ["country", "land", "country code", "laenderkennzeichen"]),
        new("lead.source", "Source", false, ["source", "lead source", "quelle", "lead-quelle", "herkunft"]),
        new("lead.campaign", "Campaign", false, ["campaign", "kampagne", "aktion"]),
        new("lead.segment", "Segment", false, ["segment", "kundensegment"]),
        new("lead.status", "Status", false, ["status", "lead status", "lead-status"]),
        new("lead.disqualificationReason", "Disqualification reason", false, ["disqualification reason", "reason", "disqualifizierungsgrund", "grund"]),
        new("lead.rating", "Rating", false, ["rating", "bewertung", "einstufung"]),
        new("lead.description", "Description", false, ["description", "notes", "comment", "comments", "beschreibung", "bemerkung", "notiz", "kommentar"]),
        new(LeadOwnerEmail, "Owner (e-mail)", false, ["owner", "owner email", "betreuer", "verantwortlich", "zuständig"]),
        new(LeadConsentText, "Consent text", false, ["consent", "consent text", "einwilligung", "einwilligungstext"]),
        new(LeadConsentedAt, "Consent date", false, ["consent date", "consented at", "consent given", "einwilligungsdatum", "einwilligung am", "datum einwilligung"]),
    ];

    /// <summary>The fields of a target; in a combined import the contact's account is the row's account.</summary>
    public static IReadOnlyList<ImportField> For(ImportTarget target) => target switch
    {
        ImportTarget.Accounts => Account,
        ImportTarget.Contacts => Contact,
        ImportTarget.AccountsAndContacts => [.. Account, .. Contact.Where(f => f.Key is not ContactAccountExternalId and not ContactAccountName)],
        ImportTarget.Leads => Lead,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>
    /// Suggests a column for each field from the headers: the first field whose header list names the (folded)
    /// header, each column used once. In a combined import a column that fits both an account and a contact
    /// field (e-mail, phone) goes to the account; the contact's are those with contact words (Nachname, Vorname).
    /// </summary>
    public static Dictionary<string, string> Suggest(ImportTarget target, IReadOnlyList<string> headers)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var fields = For(target);
        foreach (var header in headers.Where(h => h.Length > 0))
        {
            var folded = SearchText.Fold(header);
            var field = fields.FirstOrDefault(f => !mapping.ContainsKey(f.Key) && f.Headers.Any(h => SearchText.Fold(h) == folded));
            if (field is not null && used.Add(header))
            {
                mapping[field.Key] = header;
            }
        }

        return mapping;
    }

    /// <summary>The account request of a row; fields not mapped keep the stored account's values.</summary>
    public static AccountRequest AccountRequest(Account? stored, Func<string, string?> cell)
    {
        var request = stored is null ? new AccountRequest() : Customers.Accounts.AccountRequest.From(stored);
        Set(cell, "account.externalId", v => request.ExternalId = v);
        Set(cell, "account.name", v => request.Name = v ?? "");
        Set(cell, "account.industry", v => request.Industry = v);
        Set(cell, "account.segment", v => request.Segment = v);
        Set(cell, "account.vatId", v => request.VatId = v);
        Set(cell, "account.website", v => request.Website = v);
        Set(cell, "account.phone", v => request.Phone = v);
        Set(cell, "account.email", v => request.Email = v);
        Set(cell, "account.billingAddress.street", v => request.BillingAddress.Street = v);
        Set(cell, "account.billingAddress.postalCode", v => request.BillingAddress.PostalCode = v);
        Set(cell, "account.billingAddress.city", v => request.BillingAddress.City = v);
        Set(cell, "account.billingAddress.region", v => request.BillingAddress.Region = v);
        Set(cell, "account.billingAddress.country", v => request.BillingAddress.Country = CountryCode(v));
        Set(cell, "account.description", v => request.Description = v);
        return request;
    }

    /// <summary>The contact request of a row; fields not mapped keep the stored contact's values.</summary>
    public static ContactRequest ContactRequest(Contact? stored, Func<string, string?> cell, Action<string, string> error)
    {
        var request = stored is null ? new ContactRequest() : Customers.Contacts.ContactRequest.From(stored);
        Set(cell, "contact.externalId", v => request.ExternalId = v);
        Set(cell, "contact.salutation", v =>
        {
            if (ParseSalutation(v) is { } salutation)
            {
                request.Salutation = salutation;
            }
            else
            {
                error("contact.salutation", "Unknown salutation: use Mr, Ms, Mx, Herr or Frau.");
            }
        });
        Set(cell, "contact.title", v => request.Title = v);
        Set(cell, "contact.firstName", v => request.FirstName = v);
        Set(cell, "contact.lastName", v => request.LastName = v ?? "");
        Set(cell, "contact.jobTitle", v => request.JobTitle = v);
        Set(cell, "contact.email", v => request.Email = v);
        Set(cell, "contact.phone", v => request.Phone = v);
        Set(cell, "contact.mobilePhone", v => request.MobilePhone = v);
        Set(cell, "contact.preferredLanguage", v => request.PreferredLanguage = v);
        Set(cell, "contact.description", v => request.Description = v);
        return request;
    }

    /// <summary>The lead request of a row; fields not mapped keep the stored lead's values. Owner and consent are not part of it.</summary>
    public static LeadRequest LeadRequest(Lead? stored, Func<string, string?> cell, Action<string, string> error)
    {
        var request = stored is null ? new LeadRequest() : Sales.Leads.LeadRequest.From(stored);
        Set(cell, LeadExternalId, v => request.ExternalId = v);
        Set(cell, "lead.salutation", v =>
        {
            if (ParseSalutation(v) is { } salutation)
            {
                request.Salutation = salutation;
            }
            else
            {
                error("lead.salutation", "Unknown salutation: use Mr, Ms, Mx, Herr or Frau.");
            }
        });
        Set(cell, "lead.firstName", v => request.FirstName = v);
        Set(cell, "lead.lastName", v => request.LastName = v ?? "");
        Set(cell, "lead.company", v => request.Company = v);
        Set(cell, "lead.title", v => request.Title = v);
        Set(cell, "lead.email", v => request.Email = v);
        Set(cell, "lead.phone", v => request.Phone = v);
        Set(cell, "lead.address.street", v => request.Address.Street = v);
        Set(cell, "lead.address.postalCode", v => request.Address.PostalCode = v);
        Set(cell, "lead.address.city", v => request.Address.City = v);
        Set(cell, "lead.address.region", v => request.Address.Region = v);
        Set(cell, "lead.address.country", v => request.Address.Country = CountryCode(v));
        Set(cell, "lead.source", v => request.Source = v);
        Set(cell, "lead.campaign", v => request.Campaign = v);
        Set(cell, "lead.segment", v => request.Segment = v);
        Set(cell, "lead.status", v =>
        {
            if (ParseLeadStatus(v) is { } status)
            {
                request.Status = status;
            }
            else
            {
                error("lead.status", "Unknown status: use New, Working, Qualified or Disqualified (Neu, In Bearbeitung, Qualifiziert, Disqualifiziert).");
            }
        });
        Set(cell, "lead.disqualificationReason", v => request.DisqualificationReason = v);
        Set(cell, "lead.rating", v =>
        {
            if (ParseRating(v, out var rating))
            {
                request.Rating = rating;
            }
            else
            {
                error("lead.rating", "Unknown rating: use Hot, Warm or Cold (Heiß, Warm, Kalt).");
            }
        });
        Set(cell, "lead.description", v => request.Description = v);
        return request;
    }

    /// <summary>
    /// The consent of a row: text and date go together (a date is a day or a time, ISO or German, read in
    /// <paramref name="zone"/> when it names no offset). Null when neither cell holds anything: the stored consent stays.
    /// </summary>
    public static (string Text, DateTimeOffset At)? Consent(Func<string, string?> cell, TimeZoneInfo zone, Action<string, string> error)
    {
        var consent = Normalize.Text(cell(LeadConsentText));
        var date = Normalize.Text(cell(LeadConsentedAt));
        if (consent is null && date is null)
        {
            return null;
        }

        DateTimeOffset? at = null;
        if (date is not null)
        {
            at = ParseMoment(date, zone);
            if (at is null)
            {
                error(LeadConsentedAt, "Unknown date: use 2025-03-31, 31.03.2025 or either with a time.");
                return null;
            }
        }

        if (consent is null)
        {
            error(LeadConsentText, "A consent date needs the consent text the person agreed to.");
            return null;
        }

        if (consent.Length > 4000)
        {
            error(LeadConsentText, "The consent text is longer than 4,000 characters.");
            return null;
        }

        if (at is null)
        {
            error(LeadConsentedAt, "Consent needs the date it was given.");
            return null;
        }

        return (consent, at.Value);
    }

    private static readonly string[] MomentFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "d.M.yyyy", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yy",
    ];

    private static DateTimeOffset? ParseMoment(string value, TimeZoneInfo zone)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (value.Contains('T', StringComparison.Ordinal) && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > value.IndexOf('T', StringComparison.Ordinal))
            && DateTimeOffset.TryParse(value, invariant, System.Globalization.DateTimeStyles.None, out var withOffset))
        {
            return withOffset.ToUniversalTime();
        }

        if (!DateTime.TryParseExact(value, MomentFormats, invariant, System.Globalization.DateTimeStyles.None, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // Stored in UTC, as every moment is (PostgreSQL's timestamptz takes no other offset).
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private static LeadStatus? ParseLeadStatus(string? value) => SearchText.Fold(value) switch
    {
        "" or "new" or "neu" or "open" or "offen" => LeadStatus.New,
        "working" or "in progress" or "contacted" or "in bearbeitung" or "kontaktiert" => LeadStatus.Working,
        "qualified" or "qualifiziert" => LeadStatus.Qualified,
        "disqualified" or "unqualified" or "disqualifiziert" => LeadStatus.Disqualified,
        _ => null,
    };

    private static bool ParseRating(string? value, out LeadRating? rating)
    {
        rating = SearchText.Fold(value) switch
        {
            "hot" or "heiss" => LeadRating.Hot,
            "warm" => LeadRating.Warm,
            "cold" or "kalt" => LeadRating.Cold,
            _ => null,
        };
        return rating is not null || SearchText.Fold(value).Length == 0;
    }

    /// <summary>Country names as spreadsheets hold them (Deutschland, Germany, Österreich), folded, to their ISO code.</summary>
    private static readonly Lazy<Dictionary<string, string>> CountryNames = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new System.Globalization.RegionInfo(culture.Name);
                if (region.TwoLetterISORegionName.Length == 2)
                {
                    names.TryAdd(SearchText.Fold(region.EnglishName), region.TwoLetterISORegionName);
                    names.TryAdd(SearchText.Fold(region.NativeName), region.TwoLetterISORegionName);
                }
            }
            catch (ArgumentException)
            {
                // A culture without a region.
            }
        }

        return names;
    });

    /// <summary>A country cell as the ISO code the address expects: a name is looked up, anything else is left for validation to judge.</summary>
    private static string? CountryCode(string? value) =>
        value is { Length: > 2 } && CountryNames.Value.TryGetValue(SearchText.Fold(value), out var code) ? code : value;

    private static Salutation? ParseSalutation(string? value) => SearchText.Fold(value) switch
    {
        "" => Salutation.None,
        "mr" or "mr." or "herr" or "hr." or "hr" => Salutation.Mr,
        "ms" or "ms." or "mrs" or "mrs." or "frau" or "fr." or "fr" => Salutation.Ms,
        "mx" or "mx." or "divers" => Salutation.Mx,
        _ => null,
    };

    /// <summary>Sets a mapped field: an empty cell clears it; an unmapped field (cell returns null for the key) is left alone.</summary>
    private static void Set(Func<string, string?> cell, string key, Action<string?> set)
    {
        if (cell(key) is { } value)
        {
            set(value.Length == 0 ? null : value);
        }
    }
}
