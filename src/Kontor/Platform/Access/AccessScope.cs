using Kontor.Platform.Http;

namespace Kontor.Platform.Access;

/// <summary>
/// What the current user may see and do, computed once per request or circuit from roles, teams,
/// direct reports, token scope and the tenant's sharing settings. The record-access query filter reads it,
/// so lists, detail pages, search and exports all see the same rows.
/// </summary>
public sealed class AccessScope
{
    private readonly Dictionary<string, ObjectPermissions> permissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SharingLevel> sharing = new(StringComparer.Ordinal);
    private bool unrestricted;
    private bool modifiesAll;

    /// <summary>The current user, the members of every team they belong to and their direct reports.</summary>
    public Guid[] OwnerIds { get; private set; } = [];

    /// <summary>Teams the current user belongs to.</summary>
    public Guid[] TeamIds { get; private set; } = [];

    /// <summary>True when the user may see every record of the object regardless of owner.</summary>
    public bool ReadsAll(string objectKey) =>
        unrestricted || (Has(objectKey, ObjectPermissions.Read) && (modifiesAll || SharingOf(objectKey) != SharingLevel.Private));

    /// <summary>True when the user may read the object at all (then owner, team and hierarchy decide).</summary>
    public bool ReadsOwn(string objectKey) => unrestricted || Has(objectKey, ObjectPermissions.Read);

    public bool Has(SecuredObject securedObject, ObjectPermissions permission) => unrestricted || Has(securedObject.Key, permission);

    /// <summary>Throws <see cref="ForbiddenException"/> when the user's role or token lacks the permission.</summary>
    public void Require(SecuredObject securedObject, ObjectPermissions permission)
    {
        if (!Has(securedObject, permission))
        {
            throw new ForbiddenException($"Your role or access token does not allow {permission.ToString().ToLowerInvariant()} on {securedObject.Key} records.");
        }
    }

    /// <summary>True when the user may change or delete this visible record.</summary>
    public bool CanChange<T>(T record, ObjectPermissions permission)
        where T : IAccessControlled
    {
        var key = T.SecuredObject.Key;
        if (unrestricted)
        {
            return true;
        }

        if (!Has(key, permission))
        {
            return false;
        }

        return modifiesAll
            || SharingOf(key) == SharingLevel.ReadWrite
            || OwnerIds.Contains(record.OwnerId)
            || (record.SharedWithTeamId is { } team && TeamIds.Contains(team));
    }

    /// <summary>Throws <see cref="ForbiddenException"/> unless <see cref="CanChange{T}"/> holds.</summary>
    public void RequireChange<T>(T record, ObjectPermissions permission)
        where T : IAccessControlled
    {
        Require(T.SecuredObject, permission);
        if (!CanChange(record, permission))
        {
            throw new ForbiddenException($"You can view this {T.SecuredObject.Key} but only its owner, the owner's team or manager may change it.");
        }
    }

    public SharingLevel SharingOf(string objectKey) => sharing.GetValueOrDefault(objectKey, SharingLevel.Private);

    private bool Has(string objectKey, ObjectPermissions permission) =>
        permissions.TryGetValue(objectKey, out var granted) && (granted & permission) == permission;

    /// <summary>Lifts every restriction: background jobs, the admin CLI and bootstrap act for the system.</summary>
    public void Unrestrict() => unrestricted = true;

    internal void Load(
        IEnumerable<SecuredObject> objects,
        IReadOnlyCollection<string> roles,
        bool readOnlyToken,
        IReadOnlyDictionary<string, SharingLevel> tenantSharing,
        Guid[] ownerIds,
        Guid[] teamIds)
    {
        permissions.Clear();
        sharing.Clear();
        modifiesAll = roles.Contains(Roles.Admin);
        foreach (var securedObject in objects)
        {
            var granted = securedObject.PermissionsOf(roles);
            if (readOnlyToken)
            {
                granted &= ObjectPermissions.Read;
            }

            permissions[securedObject.Key] = granted;
            sharing[securedObject.Key] = tenantSharing.GetValueOrDefault(securedObject.Key, securedObject.DefaultSharing);
        }

        OwnerIds = ownerIds;
        TeamIds = teamIds;
    }
}
