using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kontor.Platform.Hosting;

/// <summary>Title, description and the bearer security scheme of the OpenAPI document.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Kontor API";
        document.Info.Description = "CRM and customer service. Authenticate with `Authorization: Bearer <token>`: an access token from POST /api/auth/login or a personal access token (kpat_…) created under Profile → API tokens. Errors are RFC 9457 problem+json.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Access token from /api/auth/login or a personal access token.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
        return Task.CompletedTask;
    }
}
