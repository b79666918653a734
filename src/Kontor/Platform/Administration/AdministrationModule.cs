using Kontor.Platform.Administration.Sharing;
using Kontor.Platform.Administration.Sites;
using Kontor.Platform.Administration.Teams;
using Kontor.Platform.Administration.Tenant;
using Kontor.Platform.Administration.Users;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Administration;

/// <summary>
/// Administration of an organisation: users, teams, sites, roles and sharing, and the organisation's settings.
/// Every slice admits administrators only and works inside their own tenant.
/// </summary>
internal static class AdministrationModule
{
    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(KontorAuth.ApiPolicy);
        ListUsers.Map(users);
        GetUser.Map(users);
        CreateUser.Map(users);
        UpdateUser.Map(users);
        ChangeUserRoles.Map(users);
        ChangeUserManager.Map(users);
        DeactivateUser.Map(users);
        ReactivateUser.Map(users);
        UnlockUser.Map(users);
        ResetUserMfa.Map(users);
        SetUserPassword.Map(users);

        var teams = app.MapGroup("/api/teams").WithTags("Teams").RequireAuthorization(KontorAuth.ApiPolicy);
        ListTeams.Map(teams);
        GetTeam.Map(teams);
        CreateTeam.Map(teams);
        UpdateTeam.Map(teams);
        DeleteTeam.Map(teams);
        AddTeamMember.Map(teams);
        RemoveTeamMember.Map(teams);

        var sites = app.MapGroup("/api/sites").WithTags("Sites").RequireAuthorization(KontorAuth.ApiPolicy);
        ListSites.Map(sites);
        GetSite.Map(sites);
        CreateSite.Map(sites);
        UpdateSite.Map(sites);
        DeleteSite.Map(sites);

        var sharing = app.MapGroup("/api/sharing").WithTags("Roles and sharing").RequireAuthorization(KontorAuth.ApiPolicy);
        ListSharing.Map(sharing);
        SetSharingLevel.Map(sharing);

        var tenant = app.MapGroup("/api/tenant").WithTags("Organisation").RequireAuthorization(KontorAuth.ApiPolicy);
        GetTenantSettings.Map(tenant);
        UpdateTenantSettings.Map(tenant);
        return app;
    }
}
