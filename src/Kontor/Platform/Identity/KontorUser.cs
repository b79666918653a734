using Kontor.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Kontor.Platform.Identity;

/// <summary>A person who signs in to Kontor; belongs to exactly one tenant. The e-mail address is the user name.</summary>
public sealed class KontorUser : IdentityUser<Guid>, ITenantOwned, IHasId
{
    public KontorUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
    }

    public Guid TenantId { get; set; }
    [PersonalData]
    public string FirstName { get; set; } = "";
    [PersonalData]
    public string LastName { get; set; } = "";

    /// <summary>The user's direct manager; sees the records owned by this user.</summary>
    public Guid? ManagerId { get; set; }

    public Guid? SiteId { get; set; }

    /// <summary>
    /// Where the user works from, as a region code of the works agreement (EU, EEA, CH …), set by administrators. A
    /// category of employee data that names regions shows individual values only to readers from one of them.
    /// </summary>
    [PersonalData]
    public string? Region { get; set; }

    /// <summary>Culture for language and formats: one of <see cref="Kontor.Platform.Http.KontorCultures.Supported"/>.</summary>
    [PersonalData]
    public string Culture { get; set; } = "en-GB";

    /// <summary>Deactivated users cannot sign in and their tokens stop working; their records stay.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Set by an administrator: the user must enrol an authenticator app before using Kontor.</summary>
    public bool MfaRequired { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string DisplayName => UserNames.Of(FirstName, LastName, Email);
}

/// <summary>One of the fixed roles in <see cref="Access.Roles"/>; shared by all tenants.</summary>
public sealed class KontorRole : IdentityRole<Guid>
{
    public KontorRole()
    {
        Id = Guid.CreateVersion7();
    }

    public KontorRole(string name)
        : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
