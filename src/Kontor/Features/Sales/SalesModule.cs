using Kontor.Components.Shared;
using Kontor.Features.Sales.Forecasts;
using Kontor.Features.Sales.Reports;
using Kontor.Features.Sales.Targets;
using Kontor.Features.Sales.UpsellSignals;

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
        services.AddSingleton(new RecordSection(typeof(UpsellSignals.Pages.AccountUpsellSignals), Order: 50));
        return services;
    }

    public static IEndpointRouteBuilder MapSales(this IEndpointRouteBuilder app)
    {
        app.MapForecastEndpoints();
        app.MapTargetEndpoints();
        GetSalesReport.Map(app);
        app.MapUpsellSignalEndpoints();
        return app;
    }
}
