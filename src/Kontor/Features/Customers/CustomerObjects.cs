using Kontor.Platform.Access;

namespace Kontor.Features.Customers;

/// <summary>The customer-data objects under access control and what each role may do with them.</summary>
public static class CustomerObjects
{
    private const ObjectPermissions ReadCreateEdit = ObjectPermissions.Read | ObjectPermissions.Create | ObjectPermissions.Edit;

    public static SecuredObject Accounts { get; } = new("account", SharingLevel.Read, new Dictionary<string, ObjectPermissions>
    {
        [Roles.Admin] = ObjectPermissions.All,
        [Roles.SalesRep] = ObjectPermissions.All,
        [Roles.TeamLead] = ObjectPermissions.All,
        [Roles.InsideSales] = ReadCreateEdit,
        [Roles.ServiceAgent] = ObjectPermissions.Read,

        // The works council reads no customer data.
        [Roles.WorksCouncil] = ObjectPermissions.None,
    });

    public static SecuredObject Contacts { get; } = new("contact", SharingLevel.Read, new Dictionary<string, ObjectPermissions>
    {
        [Roles.Admin] = ObjectPermissions.All,
        [Roles.SalesRep] = ObjectPermissions.All,
        [Roles.TeamLead] = ObjectPermissions.All,
        [Roles.InsideSales] = ReadCreateEdit,
        [Roles.ServiceAgent] = ReadCreateEdit,
        [Roles.WorksCouncil] = ObjectPermissions.None,
    });
}
