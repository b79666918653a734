using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Forecasts;

internal static class ForecastEndpoints
{
    public static IEndpointRouteBuilder MapForecastEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/forecasts").WithTags("Forecasts").RequireAuthorization(KontorAuth.ApiPolicy);
        GetForecast.Map(group);
        return app;
    }
}
