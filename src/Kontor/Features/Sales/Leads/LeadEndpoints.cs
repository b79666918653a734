using Kontor.Platform.Identity;

namespace Kontor.Features.Sales.Leads;

internal static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leads").WithTags("Leads").RequireAuthorization(KontorAuth.ApiPolicy);
        ListLeads.Map(group);
        ListDeletedLeads.Map(group);
        GetLead.Map(group);
        CreateLead.Map(group);
        UpdateLead.Map(group);
        DeleteLead.Map(group);
        RestoreLead.Map(group);
        Assignment.ReassignLead.Map(group);
        Conversion.ConvertLead.Map(group);
        return app;
    }
}
