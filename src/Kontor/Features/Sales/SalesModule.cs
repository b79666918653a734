using Kontor.Features.Sales.Forecasts;
using Kontor.Features.Sales.Reports;
using Kontor.Features.Sales.Targets;

namespace Kontor.Features.Sales;

/// <summary>Leads, opportunities on pipelines, products, quotes, orders, visits, forecasts and targets.</summary>
internal static class SalesModule
{
    public static IServiceCollection AddSales(this IServiceCollection services)
    {
        services.AddSingleton(SalesObjects.Leads);
        services.AddSingleton(SalesObjects.Opportunities);
        services.AddScoped<SalesFigures>();
        services.AddScoped<SalesReports>();
        return services;
    }

    public static IEndpointRouteBuilder MapSales(this IEndpointRouteBuilder app)
    {
        app.MapForecastEndpoints();
        app.MapTargetEndpoints();
        GetSalesReport.Map(app);
        return app;
    }
}
