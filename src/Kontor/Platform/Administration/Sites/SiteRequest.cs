using System.ComponentModel.DataAnnotations;
using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Sites;

/// <summary>A site as clients send it: the body of <c>POST /api/sites</c>, the result of a <c>PATCH</c>, and the model of the site form.</summary>
public sealed class SiteRequest : IValidatableObject
{
    /// <summary>Unique within your organisation.</summary>
    [Mandatory, MaxChars(100)]
    public string Name { get; set; } = "";

    [MaxChars(100)]
    public string? City { get; set; }

    /// <summary>ISO 3166-1 alpha-2, e.g. DE.</summary>
    [Mandatory, CountryCode]
    public string Country { get; set; } = "DE";

    /// <summary>An IANA time zone, e.g. Europe/Berlin.</summary>
    [Mandatory, MaxChars(64)]
    public string TimeZone { get; set; } = "Europe/Berlin";

    public static SiteRequest From(Site site) => new()
    {
        Name = site.Name,
        City = site.City,
        Country = site.Country,
        TimeZone = site.TimeZone,
    };

    /// <summary>True for an IANA time zone id this server knows (Windows ids such as "W. Europe Standard Time" are refused).</summary>
    public static bool IsIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(TimeZone) && !IsIanaTimeZone(TimeZone))
        {
            yield return new ValidationResult(AdminMessages.Get("Use an IANA time zone such as Europe/Berlin."), [nameof(TimeZone)]);
        }
    }

    /// <summary>Validates the request and the name's uniqueness; throws with every field error at once.</summary>
    internal async Task ValidateAsync(KontorDb db, Guid? siteId, CancellationToken ct)
    {
        var errors = AdminFieldErrors.Of(this);
        // Without an error the name is there: Mandatory refuses null.
        var name = errors.Has("name") ? null : Name.Trim();
        if (name is not null && await db.Sites.AnyAsync(s => s.Name == name && s.Id != siteId, ct))
        {
            errors.Add("name", AdminMessages.Get("Another site already has this name."));
        }

        errors.ThrowIfAny();
    }

    /// <summary>A new site with the normalised values of a validated request.</summary>
    internal Site ToSite() => new(Name.Trim(), Normalize.Text(City), Normalize.Upper(Country)!, TimeZone.Trim());

    /// <summary>Stores the normalised values of a validated request in an existing site.</summary>
    internal void ApplyTo(Site site)
    {
        site.Name = Name.Trim();
        site.City = Normalize.Text(City);
        site.Country = Normalize.Upper(Country)!;
        site.TimeZone = TimeZone.Trim();
    }
}

/// <summary>A site as the administration API returns it, with how many users and teams it has.</summary>
public sealed record SiteResponse(Guid Id, string Name, string? City, string Country, string TimeZone, int UserCount, int TeamCount)
{
    internal static IQueryable<SiteResponse> Project(IQueryable<Site> sites, KontorDb db) =>
        sites.Select(s => new SiteResponse(
            s.Id,
            s.Name,
            s.City,
            s.Country,
            s.TimeZone,
            db.Users.Count(u => u.SiteId == s.Id),
            db.Teams.Count(t => t.SiteId == s.Id)));

    internal static Task<SiteResponse?> LoadAsync(KontorDb db, Guid id, CancellationToken ct) =>
        Project(db.Sites.AsNoTracking().Where(s => s.Id == id), db).SingleOrDefaultAsync(ct);
}
