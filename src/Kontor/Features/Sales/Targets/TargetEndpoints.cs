using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Targets;

internal static class TargetEndpoints
{
    public static IEndpointRouteBuilder MapTargetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/targets").WithTags("Targets").RequireAuthorization(KontorAuth.ApiPolicy);
        ListTargets.Map(group);
        GetTarget.Map(group);
        CreateTarget.Map(group);
        UpdateTarget.Map(group);
        DeleteTarget.Map(group);
        return app;
    }
}
