using Kontor.Platform.Access;

namespace Kontor.Features.Sales;

/// <summary>The sales objects under access control and what each role may do with them.</summary>
public static class SalesObjects
{
    private const ObjectPermissions ReadCreateEdit = ObjectPermissions.Read | ObjectPermissions.Create | ObjectPermissions.Edit;

    public static SecuredObject Leads { get; } = new("lead", SharingLevel.Read, new Dictionary<string, ObjectPermissions>
    {
        [Roles.Admin] = ObjectPermissions.All,
        [Roles.SalesRep] = ObjectPermissions.All,
        [Roles.TeamLead] = ObjectPermissions.All,
        [Roles.InsideSales] = ObjectPermissions.All,
        [Roles.ServiceAgent] = ObjectPermissions.Read | ObjectPermissions.Create,

        // The works council reads no customer data.
        [Roles.WorksCouncil] = ObjectPermissions.None,
    });

    public static SecuredObject Opportunities { get; } = new("opportunity", SharingLevel.Read, new Dictionary<string, ObjectPermissions>
    {
        [Roles.Admin] = ObjectPermissions.All,
        [Roles.SalesRep] = ObjectPermissions.All,
        [Roles.TeamLead] = ObjectPermissions.All,
        [Roles.InsideSales] = ReadCreateEdit,
        [Roles.ServiceAgent] = ObjectPermissions.Read,
        [Roles.WorksCouncil] = ObjectPermissions.None,
    });
}
