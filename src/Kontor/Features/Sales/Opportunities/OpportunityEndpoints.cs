using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Opportunities;

internal static class OpportunityEndpoints
{
    public static IEndpointRouteBuilder MapOpportunityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/opportunities").WithTags("Opportunities").RequireAuthorization(KontorAuth.ApiPolicy);
        ListOpportunities.Map(group);
        GetOpportunityBoard.Map(group);
        GetOpportunity.Map(group);
        CreateOpportunity.Map(group);
        UpdateOpportunity.Map(group);
        DeleteOpportunity.Map(group);
        RestoreOpportunity.Map(group);
        ListDeletedOpportunities.Map(group);
        MoveOpportunityStage.Map(group);
        AddOpportunityContact.Map(group);
        RemoveOpportunityContact.Map(group);
        ListOpportunityProducts.Map(group);
        AddOpportunityProduct.Map(group);
        UpdateOpportunityProduct.Map(group);
        RemoveOpportunityProduct.Map(group);
        return app;
    }
}
