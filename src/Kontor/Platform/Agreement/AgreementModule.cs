using Kontor.Platform.Agreement.AccessLog;
using Kontor.Platform.Agreement.Documents;
using Kontor.Platform.Agreement.Gate;
using Kontor.Platform.Agreement.Versions;
using Kontor.Platform.Identity;

namespace Kontor.Platform.Agreement;

/// <summary>The works agreement as code (docs/works-agreement.md): the document, its versions and their approval by both parties.</summary>
internal static class AgreementModule
{
    /// <summary>The audit log's record type for the agreement's proposals, approvals, rejections and withdrawals.</summary>
    public const string AuditRecordType = "worksAgreement";

    public static IServiceCollection AddWorksAgreement(this IServiceCollection services) =>
        services.AddSingleton<AgreementInForce>().AddSingleton<OverlapGuard>().AddSingleton<EmployeeDataGate>();

    public static IEndpointRouteBuilder MapWorksAgreement(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/works-agreement").WithTags("Works agreement").RequireAuthorization(KontorAuth.ApiPolicy);
        GetAgreementInForce.Map(group);
        ValidateAgreement.Map(group);
        ListAgreementVersions.Map(group);
        GetAgreementVersion.Map(group);
        ProposeAgreement.Map(group);
        ApproveAgreement.Map(group);
        CloseAgreementProposal.Map(group);
        ListAccessLog.Map(group);
        GetComplianceSummary.Map(group);
        GetAgreementDocument.Map(group, app);

        var profile = app.MapGroup("/api/profile").WithTags("Profile").RequireAuthorization(KontorAuth.ApiPolicy);
        ListMyDataAccess.Map(profile);
        return app;
    }
}
