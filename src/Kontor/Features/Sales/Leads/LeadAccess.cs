using Kontor.Platform.Access;

namespace Kontor.Features.Sales.Leads;

/// <summary>Who may change a lead the user can see.</summary>
internal static class LeadAccess
{
    /// <summary>
    /// True when the user may change the lead: as for every record (owner, team, manager, sharing level), and besides
    /// any user allowed to change leads may work a lead waiting in the queue, which is how it leaves the queue.
    /// </summary>
    public static bool CanChange(AccessScope access, Lead lead, ObjectPermissions permission) =>
        access.Has(Lead.SecuredObject, permission) && (lead.InQueue || access.CanChange(lead, permission));

    public static void RequireChange(AccessScope access, Lead lead, ObjectPermissions permission)
    {
        if (lead.InQueue)
        {
            access.Require(Lead.SecuredObject, permission);
            return;
        }

        access.RequireChange(lead, permission);
    }
}
