using Kontor.Platform.Access;

namespace Kontor.Features.Activities;

/// <summary>
/// Activities under access control. Which activities a user sees follows their targets (an activity is visible when
/// its record is); these permissions decide whether the user works with activities at all.
/// </summary>
public static class ActivityObjects
{
    private const ObjectPermissions ReadCreateEdit = ObjectPermissions.Read | ObjectPermissions.Create | ObjectPermissions.Edit;

    public static SecuredObject Activities { get; } = new("activity", SharingLevel.Read, new Dictionary<string, ObjectPermissions>
    {
        [Roles.Admin] = ObjectPermissions.All,
        [Roles.SalesRep] = ObjectPermissions.All,
        [Roles.TeamLead] = ObjectPermissions.All,
        [Roles.InsideSales] = ObjectPermissions.All,
        [Roles.ServiceAgent] = ReadCreateEdit,

        // Activity timestamps measure people's work; the works council reads them only through the agreement gate.
        [Roles.WorksCouncil] = ObjectPermissions.None,
    });
}
