using Kontor.Features.Customers.Accounts;
using Kontor.Features.Customers.Contacts;
using Kontor.Features.Customers.Duplicates;
using Kontor.Features.Customers.Segments;
using Kontor.Platform.Records;
using Kontor.Platform.Search;

namespace Kontor.Features.Customers;

/// <summary>Accounts and contacts.</summary>
internal static class CustomersModule
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddSingleton(CustomerObjects.Accounts);
        services.AddSingleton(CustomerObjects.Contacts);
        services.AddSingleton<IRecordTarget, AccountTarget>();
        services.AddSingleton<IRecordTarget, ContactTarget>();
        services.AddScoped<IRecycleBinSource, Shared.AccountRecycleBinSource>();
        services.AddScoped<IRecycleBinSource, Shared.ContactRecycleBinSource>();
        services.AddGlobalSearchSource<AccountSearchSource>("Accounts");
        services.AddGlobalSearchSource<ContactSearchSource>("Contacts");
        services.AddHostedService<MatchKeyBackfill>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app) =>
        app.MapAccountEndpoints().MapContactEndpoints().MapSegmentEndpoints();
}
