using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Pipelines;

internal static class PipelineEndpoints
{
    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pipelines").WithTags("Pipelines").RequireAuthorization(KontorAuth.ApiPolicy);
        ListPipelines.Map(group);
        GetPipeline.Map(group);
        CreatePipeline.Map(group);
        UpdatePipeline.Map(group);
        AddPipelineStage.Map(group);
        UpdatePipelineStage.Map(group);
        ReorderPipelineStages.Map(group);
        RemovePipelineStage.Map(group);
        return app;
    }
}
