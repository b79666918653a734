namespace Kontor.Platform.Identity.Profile;

/// <summary>The caller's own profile. Authenticator apps are set up in the web UI (Profile → Security).</summary>
internal static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/profile").WithTags("Profile").RequireAuthorization(KontorAuth.ApiPolicy);
        GetProfile.Map(group);
        UpdateProfile.Map(group);
        ChangePassword.Map(group);
        return app;
    }
}
