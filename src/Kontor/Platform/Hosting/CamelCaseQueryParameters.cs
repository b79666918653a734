using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kontor.Platform.Hosting;

/// <summary>
/// Names query parameters bound with <c>[AsParameters]</c> in camelCase, as clients send them (binding ignores
/// case; the document would otherwise show the C# property names, <c>Search</c> instead of <c>search</c>).
/// </summary>
internal sealed class CamelCaseQueryParameters : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Name is not null) ?? [])
        {
            parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
        }

        return Task.CompletedTask;
    }
}
