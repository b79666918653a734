using Kontor.Features.Integration.ApiTokens;
using Kontor.Features.Integration.ImportExport.Exports;
using Kontor.Features.Integration.ImportExport.Imports;

namespace Kontor.Features.Integration;

/// <summary>Ways for other programs and files to reach Kontor: personal access tokens for the API, file imports.</summary>
internal static class IntegrationModule
{
    public static IServiceCollection AddIntegration(this IServiceCollection services, IConfiguration configuration) =>
        services.AddImports(configuration);

    public static IEndpointRouteBuilder MapIntegration(this IEndpointRouteBuilder app) =>
        app.MapApiTokenEndpoints().MapCustomerExports().MapImportEndpoints();
}
