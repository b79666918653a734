using Kontor.Platform.Identity;

namespace Kontor.Features.Integration.ApiTokens;

internal static class ApiTokenEndpoints
{
    public static IEndpointRouteBuilder MapApiTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/tokens").WithTags("API tokens").RequireAuthorization(KontorAuth.ApiPolicy);
        ListApiTokens.Map(own);
        GetApiToken.Map(own);
        CreateApiToken.Map(own);
        RevokeApiToken.Map(own);

        // A separate route rather than a query switch, so an administrator's own list never mixes in other users' tokens by accident.
        var tenant = app.MapGroup("/api/admin/tokens").WithTags("API tokens").RequireAuthorization(KontorAuth.ApiPolicy);
        ListTenantApiTokens.Map(tenant);
        RevokeTenantApiToken.Map(tenant);
        return app;
    }
}
