using Kontor.Platform.Identity;

namespace Kontor.Features.Integration.ImportExport.Imports;

internal static class ImportEndpoints
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(ImportSettings.Section).Get<ImportSettings>() ?? new ImportSettings());
        services.AddSingleton<ImportStorage>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(KontorAuth.ApiPolicy);
        StartImport.Map(imports);
        ListImports.Map(imports);
        GetImport.Map(imports);
        CancelImport.Map(imports);
        GetImportErrors.Map(imports);

        // The same report for the import page, signed in with the session cookie rather than a token.
        GetImportErrors.Map(app, "/imports/{id:guid}/errors.csv").WithName("DownloadImportErrors").RequireAuthorization().ExcludeFromDescription();

        var mappings = app.MapGroup("/api/import-mappings").WithTags("Imports").RequireAuthorization(KontorAuth.ApiPolicy);
        ListImportMappings.Map(mappings);
        SaveImportMapping.Map(mappings);
        DeleteImportMapping.Map(mappings);
        return app;
    }
}
