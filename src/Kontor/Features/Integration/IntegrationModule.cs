using Kontor.Features.Integration.ApiTokens;
using Kontor.Features.Integration.ImportExport.Exports;

namespace Kontor.Features.Integration;

/// <summary>Ways for other programs to use Kontor: personal access tokens for the API.</summary>
internal static class IntegrationModule
{
    public static IEndpointRouteBuilder MapIntegration(this IEndpointRouteBuilder app) =>
        app.MapApiTokenEndpoints().MapCustomerExports();
}
