namespace Kontor.Platform.Access;

/// <summary>What a role may do with an object type.</summary>
[Flags]
public enum ObjectPermissions
{
    None = 0,
    Read = 1,
    Create = 2,
    Edit = 4,
    Delete = 8,
    All = Read | Create | Edit | Delete,
}

/// <summary>Organisation-wide default for records a user neither owns nor reaches through team or hierarchy.</summary>
public enum SharingLevel
{
    /// <summary>Only the owner, the owner's team and the owner's direct manager see the record.</summary>
    Private,

    /// <summary>Everyone allowed to read the object sees the record; only owner, team and manager change it.</summary>
    Read,

    /// <summary>Everyone allowed to read and edit the object sees and changes the record.</summary>
    ReadWrite,
}

/// <summary>
/// An object type under access control (accounts, contacts, …): its key, the default sharing level of a
/// new tenant and the permissions each role has on it. Modules declare their objects and register them.
/// </summary>
public sealed class SecuredObject(string key, SharingLevel defaultSharing, IReadOnlyDictionary<string, ObjectPermissions> rolePermissions)
{
    /// <summary>Stable key stored in sharing settings and shown in the roles page.</summary>
    public string Key { get; } = key;

    public SharingLevel DefaultSharing { get; } = defaultSharing;

    public IReadOnlyDictionary<string, ObjectPermissions> RolePermissions { get; } = rolePermissions;

    public ObjectPermissions PermissionsOf(IEnumerable<string> roles) =>
        roles.Aggregate(ObjectPermissions.None, (granted, role) =>
            granted | RolePermissions.GetValueOrDefault(role, ObjectPermissions.None));
}

/// <summary>A record whose visibility follows the access rules: owner, owner's team, owner's manager, sharing default.</summary>
public interface IAccessControlled
{
    Guid OwnerId { get; }

    /// <summary>A team whose members see the record besides the owner's own team (e.g. the responsible inside-sales team).</summary>
    Guid? SharedWithTeamId { get; }

    /// <summary>The mapped property behind <see cref="SharedWithTeamId"/>, used by the query filter; null when there is none.</summary>
    static abstract string? SharedWithTeamProperty { get; }

    static abstract SecuredObject SecuredObject { get; }
}
