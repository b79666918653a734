using Kontor.Platform.Data;
using Kontor.Platform.Identity;
using Kontor.Platform.Validation;
using Kontor.Resources;
using Microsoft.EntityFrameworkCore;

namespace Kontor.Platform.Administration.Teams;

/// <summary>A team as clients send it: the body of <c>POST /api/teams</c>, the result of a <c>PATCH</c>, and the model of the team form.</summary>
public sealed class TeamRequest
{
    /// <summary>Unique within your organisation.</summary>
    [Mandatory, MaxChars(100)]
    public string Name { get; set; } = "";

    /// <summary>FieldSales, InsideSales, Service or Other.</summary>
    public TeamKind Kind { get; set; } = TeamKind.Other;

    public Guid? SiteId { get; set; }

    [MaxChars(1000)]
    public string? Description { get; set; }

    public static TeamRequest From(Team team) => new()
    {
        Name = team.Name,
        Kind = team.Kind,
        SiteId = team.SiteId,
        Description = team.Description,
    };

    /// <summary>Validates the request and its references; throws with every field error at once.</summary>
    internal async Task ValidateAsync(KontorDb db, Guid? teamId, CancellationToken ct)
    {
        var errors = AdminFieldErrors.Of(this);
        if (!Enum.IsDefined(Kind))
        {
            errors.Add("kind", AdminMessages.Format("Choose one of: {0}.", string.Join(", ", Enum.GetNames<TeamKind>())));
        }

        // Without an error the name is there: Mandatory refuses null.
        var name = errors.Has("name") ? null : Name.Trim();
        if (name is not null && await db.Teams.AnyAsync(t => t.Name == name && t.Id != teamId, ct))
        {
            errors.Add("name", AdminMessages.Get("Another team already has this name."));
        }

        if (SiteId is { } site && !await db.Sites.AnyAsync(s => s.Id == site, ct))
        {
            errors.Add("siteId", ValidationMessages.UnknownSite);
        }

        errors.ThrowIfAny();
    }

    /// <summary>A new team with the normalised values of a validated request.</summary>
    internal Team ToTeam() => new(Name.Trim(), Kind, SiteId, Normalize.Text(Description));

    /// <summary>Stores the normalised values of a validated request in an existing team.</summary>
    internal void ApplyTo(Team team)
    {
        team.Name = Name.Trim();
        team.Kind = Kind;
        team.SiteId = SiteId;
        team.Description = Normalize.Text(Description);
    }
}
