using Kontor.Platform.Data;

namespace Kontor.Platform.Identity;

/// <summary>What a team mainly does; inside-sales teams can be made responsible for accounts.</summary>
public enum TeamKind
{
    FieldSales,
    InsideSales,
    Service,
    Other,
}

/// <summary>A group of users working together; members see the records each of them owns.</summary>
public sealed class Team : TenantEntity
{
    private Team() { } // For EF Core.

    public Team(string name, TeamKind kind, Guid? siteId, string? description)
    {
        Name = name;
        Kind = kind;
        SiteId = siteId;
        Description = description;
    }

    public string Name { get; set; } = "";
    public TeamKind Kind { get; set; }
    public Guid? SiteId { get; set; }
    public string? Description { get; set; }
    public List<TeamMember> Members { get; private set; } = [];
}

/// <summary>Membership of a user in a team.</summary>
public sealed class TeamMember : TenantEntity
{
    private TeamMember() { } // For EF Core.

    public TeamMember(Guid teamId, Guid userId)
    {
        TeamId = teamId;
        UserId = userId;
    }

    public Guid TeamId { get; private set; }
    public Guid UserId { get; private set; }
}

/// <summary>A place people work from: an office, a contact centre, or the home offices of a region.</summary>
public sealed class Site : TenantEntity
{
    private Site() { } // For EF Core.

    public Site(string name, string? city, string country, string timeZone)
    {
        Name = name;
        City = city;
        Country = country;
        TimeZone = timeZone;
    }

    public string Name { get; set; } = "";
    public string? City { get; set; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public string Country { get; set; } = "DE";

    /// <summary>IANA time zone, e.g. Europe/Berlin.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";
}
