using Kontor.Platform.Access;

namespace Kontor.Platform.Administration.Sharing;

/// <summary>What one role may do with an object type.</summary>
public sealed record RolePermissionsResponse(string Role, bool Read, bool Create, bool Edit, bool Delete);

/// <summary>An object type under access control: what each role may do with it and how widely the tenant shares its records.</summary>
/// <param name="Key">The object's key, used in <c>PUT /api/sharing/{objectKey}</c>.</param>
/// <param name="Level">The tenant's organisation-wide sharing level.</param>
/// <param name="DefaultLevel">The level of a tenant that never changed it.</param>
/// <param name="Permissions">One entry per role, in the order of the roles list.</param>
public sealed record SharingObjectResponse(string Key, SharingLevel Level, SharingLevel DefaultLevel, IReadOnlyList<RolePermissionsResponse> Permissions)
{
    internal static SharingObjectResponse Describe(SecuredObject securedObject, IReadOnlyDictionary<string, SharingLevel> tenantLevels) => new(
        securedObject.Key,
        tenantLevels.GetValueOrDefault(securedObject.Key, securedObject.DefaultSharing),
        securedObject.DefaultSharing,
        [.. Roles.All.Select(role =>
        {
            var granted = securedObject.PermissionsOf([role]);
            return new RolePermissionsResponse(
                role,
                granted.HasFlag(ObjectPermissions.Read),
                granted.HasFlag(ObjectPermissions.Create),
                granted.HasFlag(ObjectPermissions.Edit),
                granted.HasFlag(ObjectPermissions.Delete));
        })]);
}
