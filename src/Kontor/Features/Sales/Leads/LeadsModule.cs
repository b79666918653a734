using Kontor.Features.Sales.Leads.Assignment;
using Kontor.Features.Sales.Leads.Scoring;
using Kontor.Features.Sales.Leads.WebForm;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;
using Kontor.Platform.Retention;
using Kontor.Platform.Search;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kontor.Features.Sales.Leads;

/// <summary>Leads: records, the public web-to-lead form, assignment and scoring rules.</summary>
internal static class LeadsModule
{
    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddSingleton<IRecordTarget, LeadTarget>();
        services.AddScoped<IRecycleBinSource, LeadRecycleBinSource>();
        services.AddGlobalSearchSource<LeadSearchSource>("Leads");
        services.AddSingleton<IInterceptor, LeadScoreInterceptor>();
        services.AddWebToLeadRateLimit();
        services.AddSingleton<IRetentionSource, StaleLeads>();
        return services;
    }

    public static IEndpointRouteBuilder MapLeads(this IEndpointRouteBuilder app)
    {
        app.MapLeadEndpoints();
        CaptureLead.Map(app);

        var form = app.MapGroup("/api/lead-form").WithTags("Web-to-lead").RequireAuthorization(KontorAuth.ApiPolicy);
        GetLeadForm.Map(form);
        UpdateLeadForm.Map(form);
        RegenerateLeadFormKey.Map(form);

        var assignment = app.MapGroup("/api/lead-assignment-rules").WithTags("Lead assignment rules").RequireAuthorization(KontorAuth.ApiPolicy);
        ListAssignmentRules.Map(assignment);
        CreateAssignmentRule.Map(assignment);
        ReorderAssignmentRules.Map(assignment);
        UpdateAssignmentRule.Map(assignment);
        DeleteAssignmentRule.Map(assignment);

        var scoring = app.MapGroup("/api/lead-scoring-rules").WithTags("Lead scoring rules").RequireAuthorization(KontorAuth.ApiPolicy);
        ListScoringRules.Map(scoring);
        CreateScoringRule.Map(scoring);
        UpdateScoringRule.Map(scoring);
        DeleteScoringRule.Map(scoring);
        return app;
    }
}
