using Kontor.Platform.Access;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Administration.Pages;

/// <summary>English names of roles, team kinds, sharing levels and objects; pages translate them with <c>AdminText</c>.</summary>
internal static class AdminLabels
{
    public static string Role(string role) => role switch
    {
        Roles.Admin => "Administrator",
        Roles.SalesRep => "Field sales",
        Roles.InsideSales => "Inside sales",
        Roles.ServiceAgent => "Service agent",
        Roles.TeamLead => "Team lead",
        Roles.WorksCouncil => "Works council",
        _ => role,
    };

    public static string TeamKind(TeamKind kind) => kind switch
    {
        Identity.TeamKind.FieldSales => "Field sales",
        Identity.TeamKind.InsideSales => "Inside sales",
        Identity.TeamKind.Service => "Service",
        Identity.TeamKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Sharing(SharingLevel level) => level switch
    {
        SharingLevel.Private => "Private: owner, owner's team and manager",
        SharingLevel.Read => "Everyone reads; owner, owner's team and manager edit",
        SharingLevel.ReadWrite => "Everyone reads and edits",
        _ => level.ToString(),
    };

    /// <summary>Plural names of the object types modules register; unknown keys show as they are.</summary>
    public static string ObjectType(string key) => key switch
    {
        "account" => "Accounts",
        "contact" => "Contacts",
        "activity" => "Activities",
        _ => key,
    };

    public static string Culture(string culture) => culture switch
    {
        "de-DE" => "German (Germany)",
        "de-AT" => "German (Austria)",
        "de-CH" => "German (Switzerland)",
        "en-GB" => "English (United Kingdom)",
        "en-US" => "English (United States)",
        _ => culture,
    };
}
