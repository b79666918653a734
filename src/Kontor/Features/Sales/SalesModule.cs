using Kontor.Components.Shared;
using Kontor.Features.Sales.Forecasts;
using Kontor.Features.Sales.Leads;
using Kontor.Features.Sales.Opportunities;
using Kontor.Features.Sales.Orders;
using Kontor.Features.Sales.Pipelines;
using Kontor.Features.Sales.Products;
using Kontor.Features.Sales.Quotes;
using Kontor.Features.Sales.Reports;
using Kontor.Features.Sales.Targets;
using Kontor.Features.Sales.UpsellSignals;
using Kontor.Platform.Data;
using Kontor.Platform.Records;
using Kontor.Platform.Retention;
using Kontor.Platform.Retention.Rules;
using Kontor.Platform.Search;
using Quartz;

namespace Kontor.Features.Sales;

/// <summary>Leads, opportunities on pipelines, products, quotes, orders, visits, forecasts and targets.</summary>
internal static class SalesModule
{
    public static IServiceCollection AddSales(this IServiceCollection services)
    {
        services.AddSingleton(SalesObjects.Leads);
        services.AddSingleton(SalesObjects.Opportunities);
        services.AddScoped<QuoteExpiry>();
        services.AddQuartz(quartz => quartz.ScheduleJob<QuoteExpiry>(trigger => trigger.WithIdentity("quote-expiry").WithSchedule(CronScheduleBuilder.Create("0 5 0 * * ?")), _ => { }));
        services.AddSingleton<IRecordTarget, OpportunityTarget>();
        services.AddGlobalSearchSource<OpportunitySearchSource>("Opportunities");
        services.AddScoped<IRecordMergeParticipant, OpportunityMergeParticipant>();
        services.AddScoped<IRecycleBinSource, OpportunityRecycleBinSource>();
        services.AddScoped<IRecordDeleteParticipant, OpportunityDeleteParticipant>();
        services.AddSingleton<IDatabaseObjects, OpportunityStageTotalsObjects>();
        services.AddSingleton(new RecordSection(typeof(Opportunities.Pages.AccountOpportunities), Order: 50));
        services.AddLeads();
        services.AddSingleton<IStatutoryRecords, QuoteStatutoryRecords>();
        services.AddSingleton<IStatutoryRecords, OrderStatutoryRecords>();
        services.AddSingleton<IRetentionSource, TargetRetention>();
        services.AddScoped<SalesFigures>();
        services.AddScoped<SalesReports>();
        services.AddSingleton(new RecordSection(typeof(UpsellSignals.Pages.AccountUpsellSignals), Order: 60));
        return services;
    }

    public static IEndpointRouteBuilder MapSales(this IEndpointRouteBuilder app)
    {
        app.MapProductEndpoints();
        app.MapQuoteEndpoints();
        app.MapOrderEndpoints();
        app.MapPipelineEndpoints();
        app.MapOpportunityEndpoints();
        app.MapLeads();
        app.MapForecastEndpoints();
        app.MapTargetEndpoints();
        GetSalesReport.Map(app);
        app.MapUpsellSignalEndpoints();
        return app;
    }
}
