using Kontor.Platform.Identity;

namespace Kontor.Features.Customers.Segments;

internal static class SegmentEndpoints
{
    public static IEndpointRouteBuilder MapSegmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/segments").WithTags("Segments").RequireAuthorization(KontorAuth.ApiPolicy);
        ListSegments.Map(group);
        CreateSegment.Map(group);
        UpdateSegment.Map(group);
        DeleteSegment.Map(group);
        return app;
    }
}
